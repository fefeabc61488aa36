"""Offline work of a desk whose register is on a PostgreSQL server (issue 11): number
blocks reserved while connected (:mod:`.blocks`), the local queue (:mod:`.queue`), the
copy of the office's data (:mod:`.snapshot`) and :class:`OfflineDesk` (:mod:`.desk`).
The receipt of a queued request is drawn by ``ppid_desk.reports.offline_receipt``."""

from .blocks import Block, ReservedRange, reserve_block, reserved_unused
from .desk import BLOCK_SIZE, OfflineDesk, PrepareResult, PushResult, QueuedReceipt, QueuedRequest, Stuck

__all__ = ["BLOCK_SIZE", "Block", "OfflineDesk", "PrepareResult", "PushResult", "QueuedReceipt", "QueuedRequest",
           "ReservedRange", "Stuck", "reserve_block", "reserved_unused"]
