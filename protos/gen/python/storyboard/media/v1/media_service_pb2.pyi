import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MediaKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MEDIA_KIND_UNSPECIFIED: _ClassVar[MediaKind]
    MEDIA_KIND_MUSIC: _ClassVar[MediaKind]
    MEDIA_KIND_FACE: _ClassVar[MediaKind]
    MEDIA_KIND_GENERATED: _ClassVar[MediaKind]
    MEDIA_KIND_REFERENCE: _ClassVar[MediaKind]
MEDIA_KIND_UNSPECIFIED: MediaKind
MEDIA_KIND_MUSIC: MediaKind
MEDIA_KIND_FACE: MediaKind
MEDIA_KIND_GENERATED: MediaKind
MEDIA_KIND_REFERENCE: MediaKind

class Media(_message.Message):
    __slots__ = ("id", "kind", "content_type", "size_bytes", "sha256", "url", "original_filename", "width", "height", "duration", "project_id", "clip_id", "job_id", "provenance", "create_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_FILENAME_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    PROVENANCE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: MediaKind
    content_type: str
    size_bytes: int
    sha256: str
    url: str
    original_filename: str
    width: int
    height: int
    duration: float
    project_id: str
    clip_id: str
    job_id: str
    provenance: _struct_pb2.Struct
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[_Union[MediaKind, str]] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ..., sha256: _Optional[str] = ..., url: _Optional[str] = ..., original_filename: _Optional[str] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., duration: _Optional[float] = ..., project_id: _Optional[str] = ..., clip_id: _Optional[str] = ..., job_id: _Optional[str] = ..., provenance: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UploadMediaRequest(_message.Message):
    __slots__ = ("header", "chunk")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    header: UploadMediaHeader
    chunk: bytes
    def __init__(self, header: _Optional[_Union[UploadMediaHeader, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class UploadMediaHeader(_message.Message):
    __slots__ = ("kind", "project_id", "clip_id", "job_id", "original_filename", "declared_content_type", "declared_size_bytes", "provenance")
    KIND_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_FILENAME_FIELD_NUMBER: _ClassVar[int]
    DECLARED_CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DECLARED_SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    PROVENANCE_FIELD_NUMBER: _ClassVar[int]
    kind: MediaKind
    project_id: str
    clip_id: str
    job_id: str
    original_filename: str
    declared_content_type: str
    declared_size_bytes: int
    provenance: _struct_pb2.Struct
    def __init__(self, kind: _Optional[_Union[MediaKind, str]] = ..., project_id: _Optional[str] = ..., clip_id: _Optional[str] = ..., job_id: _Optional[str] = ..., original_filename: _Optional[str] = ..., declared_content_type: _Optional[str] = ..., declared_size_bytes: _Optional[int] = ..., provenance: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UploadMediaResponse(_message.Message):
    __slots__ = ("media",)
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    media: Media
    def __init__(self, media: _Optional[_Union[Media, _Mapping]] = ...) -> None: ...

class ReadMediaRequest(_message.Message):
    __slots__ = ("media_id", "url", "offset", "length", "suffix_length", "metadata_only")
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    SUFFIX_LENGTH_FIELD_NUMBER: _ClassVar[int]
    METADATA_ONLY_FIELD_NUMBER: _ClassVar[int]
    media_id: str
    url: str
    offset: int
    length: int
    suffix_length: int
    metadata_only: bool
    def __init__(self, media_id: _Optional[str] = ..., url: _Optional[str] = ..., offset: _Optional[int] = ..., length: _Optional[int] = ..., suffix_length: _Optional[int] = ..., metadata_only: _Optional[bool] = ...) -> None: ...

class ReadMediaResponse(_message.Message):
    __slots__ = ("header", "chunk")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    header: ReadMediaHeader
    chunk: bytes
    def __init__(self, header: _Optional[_Union[ReadMediaHeader, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class ReadMediaHeader(_message.Message):
    __slots__ = ("media", "offset", "length")
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    media: Media
    offset: int
    length: int
    def __init__(self, media: _Optional[_Union[Media, _Mapping]] = ..., offset: _Optional[int] = ..., length: _Optional[int] = ...) -> None: ...

class GetMediaRequest(_message.Message):
    __slots__ = ("media_id",)
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    media_id: str
    def __init__(self, media_id: _Optional[str] = ...) -> None: ...

class GetMediaResponse(_message.Message):
    __slots__ = ("media",)
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    media: Media
    def __init__(self, media: _Optional[_Union[Media, _Mapping]] = ...) -> None: ...

class ListMediaRequest(_message.Message):
    __slots__ = ("project_id", "kind", "job_id", "page_size", "page_token", "offset")
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    kind: MediaKind
    job_id: str
    page_size: int
    page_token: str
    offset: int
    def __init__(self, project_id: _Optional[str] = ..., kind: _Optional[_Union[MediaKind, str]] = ..., job_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListMediaResponse(_message.Message):
    __slots__ = ("media", "next_page_token", "total_size")
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    media: _containers.RepeatedCompositeFieldContainer[Media]
    next_page_token: str
    total_size: int
    def __init__(self, media: _Optional[_Iterable[_Union[Media, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class DeleteMediaRequest(_message.Message):
    __slots__ = ("media_id",)
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    media_id: str
    def __init__(self, media_id: _Optional[str] = ...) -> None: ...

class DeleteMediaResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ReleaseProjectMediaRequest(_message.Message):
    __slots__ = ("project_id",)
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    def __init__(self, project_id: _Optional[str] = ...) -> None: ...

class ReleaseProjectMediaResponse(_message.Message):
    __slots__ = ("deleted_media_count", "deleted_file_count", "freed_bytes")
    DELETED_MEDIA_COUNT_FIELD_NUMBER: _ClassVar[int]
    DELETED_FILE_COUNT_FIELD_NUMBER: _ClassVar[int]
    FREED_BYTES_FIELD_NUMBER: _ClassVar[int]
    deleted_media_count: int
    deleted_file_count: int
    freed_bytes: int
    def __init__(self, deleted_media_count: _Optional[int] = ..., deleted_file_count: _Optional[int] = ..., freed_bytes: _Optional[int] = ...) -> None: ...
