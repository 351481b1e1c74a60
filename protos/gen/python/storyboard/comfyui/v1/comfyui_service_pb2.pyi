import datetime

from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from storyboard.comfyui.v1 import model_library_pb2 as _model_library_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ServerType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SERVER_TYPE_UNSPECIFIED: _ClassVar[ServerType]
    SERVER_TYPE_STANDARD: _ClassVar[ServerType]
    SERVER_TYPE_RUNPOD: _ClassVar[ServerType]

class GenerationType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_TYPE_UNSPECIFIED: _ClassVar[GenerationType]
    GENERATION_TYPE_IMAGE: _ClassVar[GenerationType]
    GENERATION_TYPE_VIDEO: _ClassVar[GenerationType]
SERVER_TYPE_UNSPECIFIED: ServerType
SERVER_TYPE_STANDARD: ServerType
SERVER_TYPE_RUNPOD: ServerType
GENERATION_TYPE_UNSPECIFIED: GenerationType
GENERATION_TYPE_IMAGE: GenerationType
GENERATION_TYPE_VIDEO: GenerationType

class CreateServerRequest(_message.Message):
    __slots__ = ("server", "api_key")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    API_KEY_FIELD_NUMBER: _ClassVar[int]
    server: Server
    api_key: str
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ..., api_key: _Optional[str] = ...) -> None: ...

class CreateServerResponse(_message.Message):
    __slots__ = ("server",)
    SERVER_FIELD_NUMBER: _ClassVar[int]
    server: Server
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ...) -> None: ...

class GetServerRequest(_message.Message):
    __slots__ = ("server_id",)
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    def __init__(self, server_id: _Optional[str] = ...) -> None: ...

class GetServerResponse(_message.Message):
    __slots__ = ("server",)
    SERVER_FIELD_NUMBER: _ClassVar[int]
    server: Server
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ...) -> None: ...

class ListServersRequest(_message.Message):
    __slots__ = ("is_active", "page_size", "page_token", "offset")
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    is_active: bool
    page_size: int
    page_token: str
    offset: int
    def __init__(self, is_active: _Optional[bool] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListServersResponse(_message.Message):
    __slots__ = ("servers", "next_page_token", "total_size")
    SERVERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    servers: _containers.RepeatedCompositeFieldContainer[Server]
    next_page_token: str
    total_size: int
    def __init__(self, servers: _Optional[_Iterable[_Union[Server, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateServerRequest(_message.Message):
    __slots__ = ("server", "update_mask", "api_key")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    API_KEY_FIELD_NUMBER: _ClassVar[int]
    server: Server
    update_mask: _field_mask_pb2.FieldMask
    api_key: str
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., api_key: _Optional[str] = ...) -> None: ...

class UpdateServerResponse(_message.Message):
    __slots__ = ("server",)
    SERVER_FIELD_NUMBER: _ClassVar[int]
    server: Server
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ...) -> None: ...

class DeleteServerRequest(_message.Message):
    __slots__ = ("server_id",)
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    def __init__(self, server_id: _Optional[str] = ...) -> None: ...

class DeleteServerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetServerInfoRequest(_message.Message):
    __slots__ = ("server_id", "refresh")
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    REFRESH_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    refresh: bool
    def __init__(self, server_id: _Optional[str] = ..., refresh: _Optional[bool] = ...) -> None: ...

class GetServerInfoResponse(_message.Message):
    __slots__ = ("server_info",)
    SERVER_INFO_FIELD_NUMBER: _ClassVar[int]
    server_info: ServerInfo
    def __init__(self, server_info: _Optional[_Union[ServerInfo, _Mapping]] = ...) -> None: ...

class ListServerStatusesRequest(_message.Message):
    __slots__ = ("is_active", "page_size", "page_token")
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    is_active: bool
    page_size: int
    page_token: str
    def __init__(self, is_active: _Optional[bool] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListServerStatusesResponse(_message.Message):
    __slots__ = ("server_statuses", "next_page_token")
    SERVER_STATUSES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    server_statuses: _containers.RepeatedCompositeFieldContainer[ServerStatus]
    next_page_token: str
    def __init__(self, server_statuses: _Optional[_Iterable[_Union[ServerStatus, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListModelTypesRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListModelTypesResponse(_message.Message):
    __slots__ = ("model_types", "next_page_token")
    MODEL_TYPES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    model_types: _containers.RepeatedCompositeFieldContainer[ModelType]
    next_page_token: str
    def __init__(self, model_types: _Optional[_Iterable[_Union[ModelType, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetModelPresetsRequest(_message.Message):
    __slots__ = ("model_name",)
    MODEL_NAME_FIELD_NUMBER: _ClassVar[int]
    model_name: str
    def __init__(self, model_name: _Optional[str] = ...) -> None: ...

class GetModelPresetsResponse(_message.Message):
    __slots__ = ("model_presets",)
    MODEL_PRESETS_FIELD_NUMBER: _ClassVar[int]
    model_presets: ModelPresets
    def __init__(self, model_presets: _Optional[_Union[ModelPresets, _Mapping]] = ...) -> None: ...

class GetServerCredentialsRequest(_message.Message):
    __slots__ = ("server_id",)
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    def __init__(self, server_id: _Optional[str] = ...) -> None: ...

class GetServerCredentialsResponse(_message.Message):
    __slots__ = ("server_credentials",)
    SERVER_CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    server_credentials: ServerCredentials
    def __init__(self, server_credentials: _Optional[_Union[ServerCredentials, _Mapping]] = ...) -> None: ...

class Server(_message.Message):
    __slots__ = ("id", "name", "url", "server_type", "endpoint_id", "is_active", "max_concurrent", "has_api_key", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    SERVER_TYPE_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_ID_FIELD_NUMBER: _ClassVar[int]
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENT_FIELD_NUMBER: _ClassVar[int]
    HAS_API_KEY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    url: str
    server_type: ServerType
    endpoint_id: str
    is_active: bool
    max_concurrent: int
    has_api_key: bool
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., url: _Optional[str] = ..., server_type: _Optional[_Union[ServerType, str]] = ..., endpoint_id: _Optional[str] = ..., is_active: _Optional[bool] = ..., max_concurrent: _Optional[int] = ..., has_api_key: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ServerStatus(_message.Message):
    __slots__ = ("server", "is_online", "status_checked_at", "status_error", "latency_ms", "queue_remaining", "catalog_update_time")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    IS_ONLINE_FIELD_NUMBER: _ClassVar[int]
    STATUS_CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    STATUS_ERROR_FIELD_NUMBER: _ClassVar[int]
    LATENCY_MS_FIELD_NUMBER: _ClassVar[int]
    QUEUE_REMAINING_FIELD_NUMBER: _ClassVar[int]
    CATALOG_UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    server: Server
    is_online: bool
    status_checked_at: _timestamp_pb2.Timestamp
    status_error: str
    latency_ms: float
    queue_remaining: int
    catalog_update_time: _timestamp_pb2.Timestamp
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ..., is_online: _Optional[bool] = ..., status_checked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., status_error: _Optional[str] = ..., latency_ms: _Optional[float] = ..., queue_remaining: _Optional[int] = ..., catalog_update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ServerInfo(_message.Message):
    __slots__ = ("server", "is_online", "status_checked_at", "status_error", "models", "loras", "vaes", "diffusion_models", "text_encoders", "upscale_models", "samplers", "schedulers", "node_classes", "system", "latency_ms", "queue_remaining", "catalog_update_time")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    IS_ONLINE_FIELD_NUMBER: _ClassVar[int]
    STATUS_CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    STATUS_ERROR_FIELD_NUMBER: _ClassVar[int]
    MODELS_FIELD_NUMBER: _ClassVar[int]
    LORAS_FIELD_NUMBER: _ClassVar[int]
    VAES_FIELD_NUMBER: _ClassVar[int]
    DIFFUSION_MODELS_FIELD_NUMBER: _ClassVar[int]
    TEXT_ENCODERS_FIELD_NUMBER: _ClassVar[int]
    UPSCALE_MODELS_FIELD_NUMBER: _ClassVar[int]
    SAMPLERS_FIELD_NUMBER: _ClassVar[int]
    SCHEDULERS_FIELD_NUMBER: _ClassVar[int]
    NODE_CLASSES_FIELD_NUMBER: _ClassVar[int]
    SYSTEM_FIELD_NUMBER: _ClassVar[int]
    LATENCY_MS_FIELD_NUMBER: _ClassVar[int]
    QUEUE_REMAINING_FIELD_NUMBER: _ClassVar[int]
    CATALOG_UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    server: Server
    is_online: bool
    status_checked_at: _timestamp_pb2.Timestamp
    status_error: str
    models: _containers.RepeatedCompositeFieldContainer[CheckpointModel]
    loras: _containers.RepeatedCompositeFieldContainer[LoraModel]
    vaes: _containers.RepeatedScalarFieldContainer[str]
    diffusion_models: _containers.RepeatedScalarFieldContainer[str]
    text_encoders: _containers.RepeatedScalarFieldContainer[str]
    upscale_models: _containers.RepeatedScalarFieldContainer[str]
    samplers: _containers.RepeatedScalarFieldContainer[str]
    schedulers: _containers.RepeatedScalarFieldContainer[str]
    node_classes: _containers.RepeatedScalarFieldContainer[str]
    system: SystemInfo
    latency_ms: float
    queue_remaining: int
    catalog_update_time: _timestamp_pb2.Timestamp
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ..., is_online: _Optional[bool] = ..., status_checked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., status_error: _Optional[str] = ..., models: _Optional[_Iterable[_Union[CheckpointModel, _Mapping]]] = ..., loras: _Optional[_Iterable[_Union[LoraModel, _Mapping]]] = ..., vaes: _Optional[_Iterable[str]] = ..., diffusion_models: _Optional[_Iterable[str]] = ..., text_encoders: _Optional[_Iterable[str]] = ..., upscale_models: _Optional[_Iterable[str]] = ..., samplers: _Optional[_Iterable[str]] = ..., schedulers: _Optional[_Iterable[str]] = ..., node_classes: _Optional[_Iterable[str]] = ..., system: _Optional[_Union[SystemInfo, _Mapping]] = ..., latency_ms: _Optional[float] = ..., queue_remaining: _Optional[int] = ..., catalog_update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CheckpointModel(_message.Message):
    __slots__ = ("name", "model_type")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    name: str
    model_type: str
    def __init__(self, name: _Optional[str] = ..., model_type: _Optional[str] = ...) -> None: ...

class LoraModel(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class SystemInfo(_message.Message):
    __slots__ = ("comfyui_version", "python_version", "os", "ram_total_bytes", "ram_free_bytes", "devices")
    COMFYUI_VERSION_FIELD_NUMBER: _ClassVar[int]
    PYTHON_VERSION_FIELD_NUMBER: _ClassVar[int]
    OS_FIELD_NUMBER: _ClassVar[int]
    RAM_TOTAL_BYTES_FIELD_NUMBER: _ClassVar[int]
    RAM_FREE_BYTES_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    comfyui_version: str
    python_version: str
    os: str
    ram_total_bytes: int
    ram_free_bytes: int
    devices: _containers.RepeatedCompositeFieldContainer[Device]
    def __init__(self, comfyui_version: _Optional[str] = ..., python_version: _Optional[str] = ..., os: _Optional[str] = ..., ram_total_bytes: _Optional[int] = ..., ram_free_bytes: _Optional[int] = ..., devices: _Optional[_Iterable[_Union[Device, _Mapping]]] = ...) -> None: ...

class Device(_message.Message):
    __slots__ = ("name", "type", "index", "vram_total_bytes", "vram_free_bytes", "torch_vram_total_bytes", "torch_vram_free_bytes")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    VRAM_TOTAL_BYTES_FIELD_NUMBER: _ClassVar[int]
    VRAM_FREE_BYTES_FIELD_NUMBER: _ClassVar[int]
    TORCH_VRAM_TOTAL_BYTES_FIELD_NUMBER: _ClassVar[int]
    TORCH_VRAM_FREE_BYTES_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    index: int
    vram_total_bytes: int
    vram_free_bytes: int
    torch_vram_total_bytes: int
    torch_vram_free_bytes: int
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., index: _Optional[int] = ..., vram_total_bytes: _Optional[int] = ..., vram_free_bytes: _Optional[int] = ..., torch_vram_total_bytes: _Optional[int] = ..., torch_vram_free_bytes: _Optional[int] = ...) -> None: ...

class ModelType(_message.Message):
    __slots__ = ("id", "display_name", "generation_types", "preset_names", "fast", "quality")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    GENERATION_TYPES_FIELD_NUMBER: _ClassVar[int]
    PRESET_NAMES_FIELD_NUMBER: _ClassVar[int]
    FAST_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    generation_types: _containers.RepeatedScalarFieldContainer[GenerationType]
    preset_names: _containers.RepeatedScalarFieldContainer[str]
    fast: ModelPreset
    quality: ModelPreset
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., generation_types: _Optional[_Iterable[_Union[GenerationType, str]]] = ..., preset_names: _Optional[_Iterable[str]] = ..., fast: _Optional[_Union[ModelPreset, _Mapping]] = ..., quality: _Optional[_Union[ModelPreset, _Mapping]] = ...) -> None: ...

class ModelPresets(_message.Message):
    __slots__ = ("model_name", "model_type", "display_name", "generation_types", "fast", "quality")
    MODEL_NAME_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    GENERATION_TYPES_FIELD_NUMBER: _ClassVar[int]
    FAST_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    model_name: str
    model_type: str
    display_name: str
    generation_types: _containers.RepeatedScalarFieldContainer[GenerationType]
    fast: ModelPreset
    quality: ModelPreset
    def __init__(self, model_name: _Optional[str] = ..., model_type: _Optional[str] = ..., display_name: _Optional[str] = ..., generation_types: _Optional[_Iterable[_Union[GenerationType, str]]] = ..., fast: _Optional[_Union[ModelPreset, _Mapping]] = ..., quality: _Optional[_Union[ModelPreset, _Mapping]] = ...) -> None: ...

class ModelPreset(_message.Message):
    __slots__ = ("steps", "cfg", "width", "height", "sampler", "scheduler", "max_loras", "video_fps", "video_frames", "supports_lora", "supports_refiner", "extras")
    STEPS_FIELD_NUMBER: _ClassVar[int]
    CFG_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    SAMPLER_FIELD_NUMBER: _ClassVar[int]
    SCHEDULER_FIELD_NUMBER: _ClassVar[int]
    MAX_LORAS_FIELD_NUMBER: _ClassVar[int]
    VIDEO_FPS_FIELD_NUMBER: _ClassVar[int]
    VIDEO_FRAMES_FIELD_NUMBER: _ClassVar[int]
    SUPPORTS_LORA_FIELD_NUMBER: _ClassVar[int]
    SUPPORTS_REFINER_FIELD_NUMBER: _ClassVar[int]
    EXTRAS_FIELD_NUMBER: _ClassVar[int]
    steps: int
    cfg: float
    width: int
    height: int
    sampler: str
    scheduler: str
    max_loras: int
    video_fps: float
    video_frames: int
    supports_lora: bool
    supports_refiner: bool
    extras: _struct_pb2.Struct
    def __init__(self, steps: _Optional[int] = ..., cfg: _Optional[float] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., sampler: _Optional[str] = ..., scheduler: _Optional[str] = ..., max_loras: _Optional[int] = ..., video_fps: _Optional[float] = ..., video_frames: _Optional[int] = ..., supports_lora: _Optional[bool] = ..., supports_refiner: _Optional[bool] = ..., extras: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ServerCredentials(_message.Message):
    __slots__ = ("server_id", "url", "server_type", "endpoint_id", "api_key")
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    SERVER_TYPE_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_ID_FIELD_NUMBER: _ClassVar[int]
    API_KEY_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    url: str
    server_type: ServerType
    endpoint_id: str
    api_key: str
    def __init__(self, server_id: _Optional[str] = ..., url: _Optional[str] = ..., server_type: _Optional[_Union[ServerType, str]] = ..., endpoint_id: _Optional[str] = ..., api_key: _Optional[str] = ...) -> None: ...

class ListModelsRequest(_message.Message):
    __slots__ = ("type", "server_id", "is_active", "search", "page_size", "page_token", "offset")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    IS_ACTIVE_FIELD_NUMBER: _ClassVar[int]
    SEARCH_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    type: _model_library_pb2.ModelFileType
    server_id: str
    is_active: bool
    search: str
    page_size: int
    page_token: str
    offset: int
    def __init__(self, type: _Optional[_Union[_model_library_pb2.ModelFileType, str]] = ..., server_id: _Optional[str] = ..., is_active: _Optional[bool] = ..., search: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListModelsResponse(_message.Message):
    __slots__ = ("models", "next_page_token", "total_size")
    MODELS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    models: _containers.RepeatedCompositeFieldContainer[_model_library_pb2.Model]
    next_page_token: str
    total_size: int
    def __init__(self, models: _Optional[_Iterable[_Union[_model_library_pb2.Model, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class GetModelRequest(_message.Message):
    __slots__ = ("model_id",)
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    def __init__(self, model_id: _Optional[str] = ...) -> None: ...

class GetModelResponse(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: _model_library_pb2.Model
    def __init__(self, model: _Optional[_Union[_model_library_pb2.Model, _Mapping]] = ...) -> None: ...

class UpdateModelRequest(_message.Message):
    __slots__ = ("model", "update_mask")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    model: _model_library_pb2.Model
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, model: _Optional[_Union[_model_library_pb2.Model, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateModelResponse(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: _model_library_pb2.Model
    def __init__(self, model: _Optional[_Union[_model_library_pb2.Model, _Mapping]] = ...) -> None: ...

class DeleteModelRequest(_message.Message):
    __slots__ = ("model_id",)
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    def __init__(self, model_id: _Optional[str] = ...) -> None: ...

class DeleteModelResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SyncServerModelsRequest(_message.Message):
    __slots__ = ("server_id",)
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    def __init__(self, server_id: _Optional[str] = ...) -> None: ...

class SyncServerModelsResponse(_message.Message):
    __slots__ = ("added", "updated", "deactivated", "total")
    ADDED_FIELD_NUMBER: _ClassVar[int]
    UPDATED_FIELD_NUMBER: _ClassVar[int]
    DEACTIVATED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    added: int
    updated: int
    deactivated: int
    total: int
    def __init__(self, added: _Optional[int] = ..., updated: _Optional[int] = ..., deactivated: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ListActiveModelsRequest(_message.Message):
    __slots__ = ("type", "page_size", "page_token")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    type: _model_library_pb2.ModelFileType
    page_size: int
    page_token: str
    def __init__(self, type: _Optional[_Union[_model_library_pb2.ModelFileType, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListActiveModelsResponse(_message.Message):
    __slots__ = ("active_models", "next_page_token")
    ACTIVE_MODELS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    active_models: _containers.RepeatedCompositeFieldContainer[_model_library_pb2.ActiveModel]
    next_page_token: str
    def __init__(self, active_models: _Optional[_Iterable[_Union[_model_library_pb2.ActiveModel, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListBackendsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListBackendsResponse(_message.Message):
    __slots__ = ("backends", "next_page_token")
    BACKENDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    backends: _containers.RepeatedCompositeFieldContainer[Backend]
    next_page_token: str
    def __init__(self, backends: _Optional[_Iterable[_Union[Backend, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Backend(_message.Message):
    __slots__ = ("server", "is_online", "model_count", "lora_count")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    IS_ONLINE_FIELD_NUMBER: _ClassVar[int]
    MODEL_COUNT_FIELD_NUMBER: _ClassVar[int]
    LORA_COUNT_FIELD_NUMBER: _ClassVar[int]
    server: Server
    is_online: bool
    model_count: int
    lora_count: int
    def __init__(self, server: _Optional[_Union[Server, _Mapping]] = ..., is_online: _Optional[bool] = ..., model_count: _Optional[int] = ..., lora_count: _Optional[int] = ...) -> None: ...

class SyncModelWithCivitaiRequest(_message.Message):
    __slots__ = ("model_id",)
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    def __init__(self, model_id: _Optional[str] = ...) -> None: ...

class SyncModelWithCivitaiResponse(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: _model_library_pb2.Model
    def __init__(self, model: _Optional[_Union[_model_library_pb2.Model, _Mapping]] = ...) -> None: ...

class SearchCivitaiModelsRequest(_message.Message):
    __slots__ = ("model_id", "query", "limit")
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    query: str
    limit: int
    def __init__(self, model_id: _Optional[str] = ..., query: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class SearchCivitaiModelsResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[_model_library_pb2.CivitaiSearchResult]
    def __init__(self, results: _Optional[_Iterable[_Union[_model_library_pb2.CivitaiSearchResult, _Mapping]]] = ...) -> None: ...

class LinkModelToCivitaiRequest(_message.Message):
    __slots__ = ("model_id", "civitai_model_id", "civitai_version_id")
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    CIVITAI_MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    CIVITAI_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    civitai_model_id: int
    civitai_version_id: int
    def __init__(self, model_id: _Optional[str] = ..., civitai_model_id: _Optional[int] = ..., civitai_version_id: _Optional[int] = ...) -> None: ...

class LinkModelToCivitaiResponse(_message.Message):
    __slots__ = ("model",)
    MODEL_FIELD_NUMBER: _ClassVar[int]
    model: _model_library_pb2.Model
    def __init__(self, model: _Optional[_Union[_model_library_pb2.Model, _Mapping]] = ...) -> None: ...
