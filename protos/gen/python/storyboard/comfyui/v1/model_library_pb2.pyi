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

class ModelFileType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MODEL_FILE_TYPE_UNSPECIFIED: _ClassVar[ModelFileType]
    MODEL_FILE_TYPE_CHECKPOINT: _ClassVar[ModelFileType]
    MODEL_FILE_TYPE_LORA: _ClassVar[ModelFileType]
    MODEL_FILE_TYPE_VAE: _ClassVar[ModelFileType]
    MODEL_FILE_TYPE_DIFFUSION_MODEL: _ClassVar[ModelFileType]
    MODEL_FILE_TYPE_TEXT_ENCODER: _ClassVar[ModelFileType]
    MODEL_FILE_TYPE_UPSCALE_MODEL: _ClassVar[ModelFileType]
MODEL_FILE_TYPE_UNSPECIFIED: ModelFileType
MODEL_FILE_TYPE_CHECKPOINT: ModelFileType
MODEL_FILE_TYPE_LORA: ModelFileType
MODEL_FILE_TYPE_VAE: ModelFileType
MODEL_FILE_TYPE_DIFFUSION_MODEL: ModelFileType
MODEL_FILE_TYPE_TEXT_ENCODER: ModelFileType
MODEL_FILE_TYPE_UPSCALE_MODEL: ModelFileType

class Model(_message.Message):
    __slots__ = ("id", "name", "display_name", "type", "model_type", "filename", "filepath", "hash", "server_id", "server_name", "civitai_info", "metadata", "is_active", "create_time", "update_time", "last_sync_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    FILEPATH_FIELD_NUMBER: _ClassVar[int]
    HASH_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    CIVITAI_INFO_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_SYNC_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    display_name: str
    type: ModelFileType
    model_type: str
    filename: str
    filepath: str
    hash: str
    server_id: str
    server_name: str
    civitai_info: CivitaiInfo
    metadata: _struct_pb2.Struct
    is_active: bool
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    last_sync_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., type: _Optional[_Union[ModelFileType, str]] = ..., model_type: _Optional[str] = ..., filename: _Optional[str] = ..., filepath: _Optional[str] = ..., hash: _Optional[str] = ..., server_id: _Optional[str] = ..., server_name: _Optional[str] = ..., civitai_info: _Optional[_Union[CivitaiInfo, _Mapping]] = ..., metadata: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., is_active: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_sync_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CivitaiInfo(_message.Message):
    __slots__ = ("civitai_model_id", "civitai_version_id", "name", "version_name", "base_model", "trained_words", "thumbnail_url", "page_url", "sync_time")
    CIVITAI_MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    CIVITAI_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_NAME_FIELD_NUMBER: _ClassVar[int]
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    TRAINED_WORDS_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    PAGE_URL_FIELD_NUMBER: _ClassVar[int]
    SYNC_TIME_FIELD_NUMBER: _ClassVar[int]
    civitai_model_id: int
    civitai_version_id: int
    name: str
    version_name: str
    base_model: str
    trained_words: _containers.RepeatedScalarFieldContainer[str]
    thumbnail_url: str
    page_url: str
    sync_time: _timestamp_pb2.Timestamp
    def __init__(self, civitai_model_id: _Optional[int] = ..., civitai_version_id: _Optional[int] = ..., name: _Optional[str] = ..., version_name: _Optional[str] = ..., base_model: _Optional[str] = ..., trained_words: _Optional[_Iterable[str]] = ..., thumbnail_url: _Optional[str] = ..., page_url: _Optional[str] = ..., sync_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CivitaiSearchResult(_message.Message):
    __slots__ = ("civitai_model_id", "civitai_version_id", "name", "version_name", "type", "base_model", "download_count", "thumbnail_url")
    CIVITAI_MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    CIVITAI_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    civitai_model_id: int
    civitai_version_id: int
    name: str
    version_name: str
    type: str
    base_model: str
    download_count: int
    thumbnail_url: str
    def __init__(self, civitai_model_id: _Optional[int] = ..., civitai_version_id: _Optional[int] = ..., name: _Optional[str] = ..., version_name: _Optional[str] = ..., type: _Optional[str] = ..., base_model: _Optional[str] = ..., download_count: _Optional[int] = ..., thumbnail_url: _Optional[str] = ...) -> None: ...

class ActiveModel(_message.Message):
    __slots__ = ("name", "type", "model_type", "servers")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    SERVERS_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: ModelFileType
    model_type: str
    servers: _containers.RepeatedCompositeFieldContainer[ActiveModelServer]
    def __init__(self, name: _Optional[str] = ..., type: _Optional[_Union[ModelFileType, str]] = ..., model_type: _Optional[str] = ..., servers: _Optional[_Iterable[_Union[ActiveModelServer, _Mapping]]] = ...) -> None: ...

class ActiveModelServer(_message.Message):
    __slots__ = ("server_id", "server_name", "is_online")
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    IS_ONLINE_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    server_name: str
    is_online: bool
    def __init__(self, server_id: _Optional[str] = ..., server_name: _Optional[str] = ..., is_online: _Optional[bool] = ...) -> None: ...
