"""Every server setting in one place: `gunicorn -c gunicorn.conf.py`.

Environment: SERVICE_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers, default the number
of cores, at most 4), GUNICORN_THREADS (threads per worker, default 16). Command-line options such
as --bind and --workers override this file.

The worker model: gthread workers whose threads do the HTTP (reading bodies, however slowly a
client sends them, and writing answers); documents are parsed in each worker's parsing slots
(SERVICE_PARSING_SLOTS worker processes, service/parsing_slots.py), so a thread waiting on a slow
client or on a parse never blocks /health, a document over its time budget is ended by killing
its slot process, and requests beyond what the slots can take get a quick 503.
"""

import multiprocessing
import os

wsgi_app = "service.app:create_app()"
bind = os.environ.get("SERVICE_BIND", "127.0.0.1:8000")

worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count(), 4)))
threads = int(os.environ.get("GUNICORN_THREADS", 16))
preload_app = True  # build the app once in the master: a broken app stops the boot

# A worker that does not report for this long is killed (its threads never parse: a backstop), and
# the time for a graceful stop.
timeout = 30
graceful_timeout = 30
keepalive = 2
# A backstop only: documents are parsed in the parsing slots (each recycled by its own growth),
# and the serving workers hardly grow: with --max-requests 0, 6 rounds of 10 s GET /health and
# 10 s POST /parse at 8 connections (about 190 000 requests) took each worker from 38.5 to 42.9 MB,
# most of it in the first round, +0.1 MB in the last. A recycle restarts the worker's slots
# (forkserver and warm-up, about 0.5 s of CPU during which that worker's connections wait); at
# 10 000 requests it happened in every 10 s run of GET /health (about 17 000 requests per worker)
# and cost it about a fifth of its throughput (bench/cpu_split.py --endpoint health, alternated
# three times on the busy machine: 3637, 3476, 3333 req/s recycling at 10 000; 4432, 4371 req/s,
# and once 1814, with this setting), so the figure /parse is compared with was partly the
# recycling's. Now about once per million requests, a backstop for a leak nobody has measured.
max_requests = 1_000_000
max_requests_jitter = 100_000
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Request line and headers are checked by gunicorn before the app runs (gunicorn's defaults).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# No runtime control socket: several instances (tests, bench) would share its one path.
control_socket_disable = True

# No gunicorn access log: the app writes one line per request itself (service/http/request_log.py:
# request id, method, path, status, sizes, duration), and gunicorn's would add what the client
# sent (query string, Referer, User-Agent). Errors, the app's lines included, go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("SERVICE_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Start this worker's parsing slots now, so that its first document does not pay for them."""
    from service.parsing_slots import parsing_slots

    parsing_slots(worker.wsgi.config).start()
