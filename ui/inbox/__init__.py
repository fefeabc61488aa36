"""The inbox on screen: the list of messages, the "Pesan baru" form, a message's detail
with its steps, the conversion into a request, and Beranda's message lists."""
