"""The request register: requesters, requests, their steps, deadlines and queries."""
