FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY config config
COPY meetings meetings
COPY statements statements
COPY templates templates
COPY locale locale
COPY static static
COPY manage.py ./
RUN pip install --no-cache-dir -c requirements.lock . \
 && DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" DATABASE_URL=postgres://build@localhost/build python manage.py collectstatic --no-input
# The named volumes start as copies of these folders, owned by the image's user (uid 1000):
# without them Docker creates the mount points owned by root, and run_indexer cannot write.
RUN useradd --create-home --uid 1000 archive \
 && mkdir -p /srv/search-index /dumps \
 && chown archive:archive /srv/search-index /dumps
USER archive
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"]
