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
RUN useradd --create-home archive
USER archive
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"]
