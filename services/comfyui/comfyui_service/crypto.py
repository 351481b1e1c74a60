"""API keys at rest: Fernet encryption with a key from settings (never logged, never returned)."""

from __future__ import annotations

import base64
import logging
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger(__name__)

KEY_FILE_NAME = "comfyui-secret.key"
MIN_SECRET_LENGTH = 16


class SecretKeyError(ValueError):
    """The configured secret key cannot be used; start-up stops with this message."""


class UndecryptableSecretError(Exception):
    """A stored value was encrypted with a key we no longer have."""


def _fernet(secret: str) -> Fernet:
    """A Fernet key is used as is; any other secret (such as a shared STORYBOARD_SECRET_KEY) is stretched."""
    try:
        return Fernet(secret.encode())
    except ValueError:
        pass
    if len(secret) < MIN_SECRET_LENGTH:
        raise SecretKeyError(
            f"COMFYUI_SECRET_KEY must be a Fernet key or at least {MIN_SECRET_LENGTH} characters")
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"storyboard comfyui api keys").derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


class SecretBox:
    """Encrypts with the first key and decrypts with any, so keys can be rotated."""

    def __init__(self, secrets: list[str]):
        if not secrets:
            raise SecretKeyError("no secret key configured")
        self._fernet = MultiFernet([_fernet(s) for s in secrets])

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise UndecryptableSecretError("stored value cannot be decrypted with this key") from None


def load_secret_box(configured: str | None, production: bool, data_dir: Path) -> SecretBox:
    """The configured key(s), comma-separated; in development a generated key persisted under data_dir."""
    if configured and configured.strip():
        return SecretBox([s.strip() for s in configured.split(",") if s.strip()])
    if production:
        raise SecretKeyError(
            "COMFYUI_SECRET_KEY (or STORYBOARD_SECRET_KEY) must be set when ENVIRONMENT=production")
    path = data_dir / KEY_FILE_NAME
    if path.exists():
        return SecretBox([path.read_text().strip()])
    data_dir.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race: use its key
        return SecretBox([path.read_text().strip()])
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    log.warning("COMFYUI_SECRET_KEY is not set: generated a development key in %s; set it in production",
                path)
    return SecretBox([key.decode()])
