"""gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Threaded workers (gthread): a slow client holds one thread, not a whole process. The front server
(nginx in docker-compose.yml, deploy/nginx.conf) buffers slow clients and times out slow senders
and readers, so gunicorn only ever talks to nginx. Every value can be changed
with an environment variable of the same name in capitals, prefixed GUNICORN_.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
# Processes: the cores + 1. Threads: 8. A search spends part of its time waiting (PostgreSQL,
# the engine's threads, which release the GIL); a threaded worker runs another request's Python
# meanwhile. Measured (benchmarks/search_crowd.py, 16 clients, 2 cores): 3 x 8 served 11.6
# searches/s and 2 x 8 9.8/s, against 5.2/s for 2 x 1 and 4.8/s for 4 x 1 (docs/performance.md).
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Each thread may hold a database connection: workers x threads must stay below PostgreSQL's
# max_connections (100 by default).
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Idle keep-alive connections wait in the worker's poller, not in a thread.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", "200"))
# A worker whose main loop stops answering for this long is restarted. With gthread this does
# not cut long responses (exports stream for minutes), only hung processes.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Refuse oversized request lines and headers early (the front server does the same).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Workers are not recycled after N requests by default: the rate-limit counters live in each
# worker (the local cache), so a flood of refused requests would restart workers and buy the
# flooder fresh quotas (and cut connections in flight). Set it if a leak ever needs it.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Believe X-Forwarded-* only from these addresses (the front server); none unless configured.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "")
