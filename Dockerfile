# The parse service: gunicorn with the settings of gunicorn.conf.py, on port 8000.
#   docker build -t gov-report-parser .
#   docker run --rm -p 8000:8000 gov-report-parser
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY gunicorn.conf.py .
COPY service/ service/
# Byte code now, as the image is built: PYTHONDONTWRITEBYTECODE keeps the processes from writing
# it, and without it every worker and parsing slot compiled the service's modules at start.
RUN python -m compileall -q service

RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent app
USER app

ENV SERVICE_BIND=0.0.0.0:8000
EXPOSE 8000

# slim has no curl: ask /health with Python's standard library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status != 200)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py"]
