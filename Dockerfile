# One multi-target image definition: docker build --target <projects|comfyui|generation|media|gateway> .
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 STORYBOARD_DATA_DIR=/data STORYBOARD_LOG_FORMAT=json
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY protos/pyproject.toml protos/
COPY protos/gen protos/gen
COPY services/common services/common
RUN pip install --no-cache-dir --no-deps ./protos ./services/common \
    && useradd --create-home --uid 10001 storyboard \
    && mkdir -p /data && chown storyboard /data

FROM base AS projects
COPY services/projects services/projects
RUN pip install --no-cache-dir --no-deps ./services/projects
USER storyboard
EXPOSE 50051
CMD ["python", "-m", "projects_service"]

FROM base AS comfyui
COPY services/comfyui services/comfyui
RUN pip install --no-cache-dir --no-deps ./services/comfyui
USER storyboard
EXPOSE 50052
CMD ["python", "-m", "comfyui_service"]

FROM base AS generation
COPY services/generation services/generation
RUN pip install --no-cache-dir --no-deps ./services/generation
USER storyboard
EXPOSE 50053
CMD ["python", "-m", "generation_service"]

FROM base AS media
COPY services/media services/media
RUN pip install --no-cache-dir --no-deps ./services/media
USER storyboard
EXPOSE 50054
CMD ["python", "-m", "media_service"]

FROM base AS gateway
COPY gateway gateway
RUN pip install --no-cache-dir --no-deps ./gateway
USER storyboard
EXPOSE 8000
CMD ["python", "-m", "api_gateway"]
