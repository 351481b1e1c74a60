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

class GenerationType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_TYPE_UNSPECIFIED: _ClassVar[GenerationType]
    GENERATION_TYPE_IMAGE: _ClassVar[GenerationType]
    GENERATION_TYPE_VIDEO: _ClassVar[GenerationType]

class GenerationJobState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_JOB_STATE_UNSPECIFIED: _ClassVar[GenerationJobState]
    GENERATION_JOB_STATE_QUEUED: _ClassVar[GenerationJobState]
    GENERATION_JOB_STATE_DISPATCHED: _ClassVar[GenerationJobState]
    GENERATION_JOB_STATE_RUNNING: _ClassVar[GenerationJobState]
    GENERATION_JOB_STATE_CANCELING: _ClassVar[GenerationJobState]
    GENERATION_JOB_STATE_SUCCEEDED: _ClassVar[GenerationJobState]
    GENERATION_JOB_STATE_FAILED: _ClassVar[GenerationJobState]
    GENERATION_JOB_STATE_CANCELLED: _ClassVar[GenerationJobState]

class GenerationBatchState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_BATCH_STATE_UNSPECIFIED: _ClassVar[GenerationBatchState]
    GENERATION_BATCH_STATE_PROCESSING: _ClassVar[GenerationBatchState]
    GENERATION_BATCH_STATE_COMPLETED: _ClassVar[GenerationBatchState]
    GENERATION_BATCH_STATE_FAILED: _ClassVar[GenerationBatchState]
    GENERATION_BATCH_STATE_CANCELLED: _ClassVar[GenerationBatchState]

class WorkerKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WORKER_KIND_UNSPECIFIED: _ClassVar[WorkerKind]
    WORKER_KIND_COMFYUI: _ClassVar[WorkerKind]
    WORKER_KIND_EXTERNAL: _ClassVar[WorkerKind]

class GeneratedContentSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATED_CONTENT_SOURCE_UNSPECIFIED: _ClassVar[GeneratedContentSource]
    GENERATED_CONTENT_SOURCE_GENERATION: _ClassVar[GeneratedContentSource]
    GENERATED_CONTENT_SOURCE_EXTERNAL_WORKER: _ClassVar[GeneratedContentSource]

class GenerationJobEventKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_JOB_EVENT_KIND_UNSPECIFIED: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_QUEUED: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_DISPATCHED: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_STARTED: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_PROGRESS: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_OUTPUT: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_RETRYING: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_CANCEL_REQUESTED: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_SUCCEEDED: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_FAILED: _ClassVar[GenerationJobEventKind]
    GENERATION_JOB_EVENT_KIND_CANCELLED: _ClassVar[GenerationJobEventKind]

class GenerationBatchEventKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_BATCH_EVENT_KIND_UNSPECIFIED: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_JOB_QUEUED: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_JOB_DISPATCHED: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_JOB_SUCCEEDED: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_JOB_FAILED: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_JOB_CANCELLED: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_JOB_RETRYING: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_BATCH_PROGRESS: _ClassVar[GenerationBatchEventKind]
    GENERATION_BATCH_EVENT_KIND_BATCH_FINISHED: _ClassVar[GenerationBatchEventKind]
GENERATION_TYPE_UNSPECIFIED: GenerationType
GENERATION_TYPE_IMAGE: GenerationType
GENERATION_TYPE_VIDEO: GenerationType
GENERATION_JOB_STATE_UNSPECIFIED: GenerationJobState
GENERATION_JOB_STATE_QUEUED: GenerationJobState
GENERATION_JOB_STATE_DISPATCHED: GenerationJobState
GENERATION_JOB_STATE_RUNNING: GenerationJobState
GENERATION_JOB_STATE_CANCELING: GenerationJobState
GENERATION_JOB_STATE_SUCCEEDED: GenerationJobState
GENERATION_JOB_STATE_FAILED: GenerationJobState
GENERATION_JOB_STATE_CANCELLED: GenerationJobState
GENERATION_BATCH_STATE_UNSPECIFIED: GenerationBatchState
GENERATION_BATCH_STATE_PROCESSING: GenerationBatchState
GENERATION_BATCH_STATE_COMPLETED: GenerationBatchState
GENERATION_BATCH_STATE_FAILED: GenerationBatchState
GENERATION_BATCH_STATE_CANCELLED: GenerationBatchState
WORKER_KIND_UNSPECIFIED: WorkerKind
WORKER_KIND_COMFYUI: WorkerKind
WORKER_KIND_EXTERNAL: WorkerKind
GENERATED_CONTENT_SOURCE_UNSPECIFIED: GeneratedContentSource
GENERATED_CONTENT_SOURCE_GENERATION: GeneratedContentSource
GENERATED_CONTENT_SOURCE_EXTERNAL_WORKER: GeneratedContentSource
GENERATION_JOB_EVENT_KIND_UNSPECIFIED: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_QUEUED: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_DISPATCHED: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_STARTED: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_PROGRESS: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_OUTPUT: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_RETRYING: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_CANCEL_REQUESTED: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_SUCCEEDED: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_FAILED: GenerationJobEventKind
GENERATION_JOB_EVENT_KIND_CANCELLED: GenerationJobEventKind
GENERATION_BATCH_EVENT_KIND_UNSPECIFIED: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_JOB_QUEUED: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_JOB_DISPATCHED: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_JOB_SUCCEEDED: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_JOB_FAILED: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_JOB_CANCELLED: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_JOB_RETRYING: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_BATCH_PROGRESS: GenerationBatchEventKind
GENERATION_BATCH_EVENT_KIND_BATCH_FINISHED: GenerationBatchEventKind

class LoraRef(_message.Message):
    __slots__ = ("name", "weight")
    NAME_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    name: str
    weight: float
    def __init__(self, name: _Optional[str] = ..., weight: _Optional[float] = ...) -> None: ...

class GenerationJob(_message.Message):
    __slots__ = ("id", "batch_id", "project_id", "scene_id", "clip_id", "generation_type", "state", "cancel_requested", "priority", "prompt", "negative_prompt", "model", "model_type", "loras", "params", "server_id", "pinned", "server_name", "worker", "progress", "queue_position", "estimated_duration", "attempt", "retry_count", "max_retries", "result", "error", "error_code", "error_details", "comfyui_prompt_id", "lease_expires_at", "request_id", "last_event_sequence", "create_time", "update_time", "start_time", "end_time", "workflow_template_id", "excluded_server_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    LORAS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    PINNED_FIELD_NUMBER: _ClassVar[int]
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    QUEUE_POSITION_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_DURATION_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    RETRY_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_RETRIES_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    ERROR_DETAILS_FIELD_NUMBER: _ClassVar[int]
    COMFYUI_PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    LEASE_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_EVENT_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_SERVER_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    batch_id: str
    project_id: str
    scene_id: str
    clip_id: str
    generation_type: GenerationType
    state: GenerationJobState
    cancel_requested: bool
    priority: int
    prompt: str
    negative_prompt: str
    model: str
    model_type: str
    loras: _containers.RepeatedCompositeFieldContainer[LoraRef]
    params: _struct_pb2.Struct
    server_id: str
    pinned: bool
    server_name: str
    worker: WorkerKind
    progress: float
    queue_position: int
    estimated_duration: float
    attempt: int
    retry_count: int
    max_retries: int
    result: GenerationJobResult
    error: str
    error_code: str
    error_details: _struct_pb2.Struct
    comfyui_prompt_id: str
    lease_expires_at: _timestamp_pb2.Timestamp
    request_id: str
    last_event_sequence: int
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    workflow_template_id: str
    excluded_server_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., batch_id: _Optional[str] = ..., project_id: _Optional[str] = ..., scene_id: _Optional[str] = ..., clip_id: _Optional[str] = ..., generation_type: _Optional[_Union[GenerationType, str]] = ..., state: _Optional[_Union[GenerationJobState, str]] = ..., cancel_requested: _Optional[bool] = ..., priority: _Optional[int] = ..., prompt: _Optional[str] = ..., negative_prompt: _Optional[str] = ..., model: _Optional[str] = ..., model_type: _Optional[str] = ..., loras: _Optional[_Iterable[_Union[LoraRef, _Mapping]]] = ..., params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., server_id: _Optional[str] = ..., pinned: _Optional[bool] = ..., server_name: _Optional[str] = ..., worker: _Optional[_Union[WorkerKind, str]] = ..., progress: _Optional[float] = ..., queue_position: _Optional[int] = ..., estimated_duration: _Optional[float] = ..., attempt: _Optional[int] = ..., retry_count: _Optional[int] = ..., max_retries: _Optional[int] = ..., result: _Optional[_Union[GenerationJobResult, _Mapping]] = ..., error: _Optional[str] = ..., error_code: _Optional[str] = ..., error_details: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., comfyui_prompt_id: _Optional[str] = ..., lease_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., request_id: _Optional[str] = ..., last_event_sequence: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., workflow_template_id: _Optional[str] = ..., excluded_server_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GenerationJobResult(_message.Message):
    __slots__ = ("content_id", "content_ids", "media_id", "media_ids", "url", "content_type", "seed", "content")
    CONTENT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_IDS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_IDS_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    content_id: str
    content_ids: _containers.RepeatedScalarFieldContainer[str]
    media_id: str
    media_ids: _containers.RepeatedScalarFieldContainer[str]
    url: str
    content_type: GenerationType
    seed: int
    content: GeneratedContent
    def __init__(self, content_id: _Optional[str] = ..., content_ids: _Optional[_Iterable[str]] = ..., media_id: _Optional[str] = ..., media_ids: _Optional[_Iterable[str]] = ..., url: _Optional[str] = ..., content_type: _Optional[_Union[GenerationType, str]] = ..., seed: _Optional[int] = ..., content: _Optional[_Union[GeneratedContent, _Mapping]] = ...) -> None: ...

class GeneratedContent(_message.Message):
    __slots__ = ("id", "content_type", "url", "thumbnail_url", "media_id", "prompt", "negative_prompt", "server_id", "server_name", "model_name", "model_type", "generation_params", "loras", "seed", "job_id", "source", "is_selected", "create_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    MODEL_NAME_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    GENERATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    LORAS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    IS_SELECTED_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    content_type: GenerationType
    url: str
    thumbnail_url: str
    media_id: str
    prompt: str
    negative_prompt: str
    server_id: str
    server_name: str
    model_name: str
    model_type: str
    generation_params: _struct_pb2.Struct
    loras: _containers.RepeatedCompositeFieldContainer[LoraRef]
    seed: int
    job_id: str
    source: GeneratedContentSource
    is_selected: bool
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., content_type: _Optional[_Union[GenerationType, str]] = ..., url: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., media_id: _Optional[str] = ..., prompt: _Optional[str] = ..., negative_prompt: _Optional[str] = ..., server_id: _Optional[str] = ..., server_name: _Optional[str] = ..., model_name: _Optional[str] = ..., model_type: _Optional[str] = ..., generation_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., loras: _Optional[_Iterable[_Union[LoraRef, _Mapping]]] = ..., seed: _Optional[int] = ..., job_id: _Optional[str] = ..., source: _Optional[_Union[GeneratedContentSource, str]] = ..., is_selected: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GenerationJobEvent(_message.Message):
    __slots__ = ("job_id", "sequence", "kind", "state", "progress", "create_time", "data")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    sequence: int
    kind: GenerationJobEventKind
    state: GenerationJobState
    progress: float
    create_time: _timestamp_pb2.Timestamp
    data: _struct_pb2.Struct
    def __init__(self, job_id: _Optional[str] = ..., sequence: _Optional[int] = ..., kind: _Optional[_Union[GenerationJobEventKind, str]] = ..., state: _Optional[_Union[GenerationJobState, str]] = ..., progress: _Optional[float] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class GenerationBatch(_message.Message):
    __slots__ = ("id", "state", "generation_type", "server_id", "project_id", "total", "counts", "progress", "job_ids", "clip_ids", "results", "error", "request_id", "create_time", "update_time", "start_time", "end_time", "prompt", "negative_prompt", "model", "loras", "params", "priority", "cancel_requested", "last_event_sequence")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    GENERATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    CLIP_IDS_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    LORAS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    LAST_EVENT_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    id: str
    state: GenerationBatchState
    generation_type: GenerationType
    server_id: str
    project_id: str
    total: int
    counts: GenerationJobCounts
    progress: float
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    clip_ids: _containers.RepeatedScalarFieldContainer[str]
    results: _containers.RepeatedCompositeFieldContainer[GenerationBatchResult]
    error: str
    request_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    prompt: str
    negative_prompt: str
    model: str
    loras: _containers.RepeatedCompositeFieldContainer[LoraRef]
    params: _struct_pb2.Struct
    priority: int
    cancel_requested: bool
    last_event_sequence: int
    def __init__(self, id: _Optional[str] = ..., state: _Optional[_Union[GenerationBatchState, str]] = ..., generation_type: _Optional[_Union[GenerationType, str]] = ..., server_id: _Optional[str] = ..., project_id: _Optional[str] = ..., total: _Optional[int] = ..., counts: _Optional[_Union[GenerationJobCounts, _Mapping]] = ..., progress: _Optional[float] = ..., job_ids: _Optional[_Iterable[str]] = ..., clip_ids: _Optional[_Iterable[str]] = ..., results: _Optional[_Iterable[_Union[GenerationBatchResult, _Mapping]]] = ..., error: _Optional[str] = ..., request_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., prompt: _Optional[str] = ..., negative_prompt: _Optional[str] = ..., model: _Optional[str] = ..., loras: _Optional[_Iterable[_Union[LoraRef, _Mapping]]] = ..., params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., priority: _Optional[int] = ..., cancel_requested: _Optional[bool] = ..., last_event_sequence: _Optional[int] = ...) -> None: ...

class GenerationBatchResult(_message.Message):
    __slots__ = ("clip_id", "job_id", "state", "result", "error", "error_code", "end_time")
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    job_id: str
    state: GenerationJobState
    result: GenerationJobResult
    error: str
    error_code: str
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, clip_id: _Optional[str] = ..., job_id: _Optional[str] = ..., state: _Optional[_Union[GenerationJobState, str]] = ..., result: _Optional[_Union[GenerationJobResult, _Mapping]] = ..., error: _Optional[str] = ..., error_code: _Optional[str] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GenerationBatchEvent(_message.Message):
    __slots__ = ("batch_id", "sequence", "kind", "job_id", "clip_id", "state", "create_time", "data")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    sequence: int
    kind: GenerationBatchEventKind
    job_id: str
    clip_id: str
    state: GenerationBatchState
    create_time: _timestamp_pb2.Timestamp
    data: _struct_pb2.Struct
    def __init__(self, batch_id: _Optional[str] = ..., sequence: _Optional[int] = ..., kind: _Optional[_Union[GenerationBatchEventKind, str]] = ..., job_id: _Optional[str] = ..., clip_id: _Optional[str] = ..., state: _Optional[_Union[GenerationBatchState, str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., data: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class GenerationJobCounts(_message.Message):
    __slots__ = ("queued", "dispatched", "running", "canceling", "succeeded", "failed", "cancelled")
    QUEUED_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_FIELD_NUMBER: _ClassVar[int]
    RUNNING_FIELD_NUMBER: _ClassVar[int]
    CANCELING_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    queued: int
    dispatched: int
    running: int
    canceling: int
    succeeded: int
    failed: int
    cancelled: int
    def __init__(self, queued: _Optional[int] = ..., dispatched: _Optional[int] = ..., running: _Optional[int] = ..., canceling: _Optional[int] = ..., succeeded: _Optional[int] = ..., failed: _Optional[int] = ..., cancelled: _Optional[int] = ...) -> None: ...

class QueueStatus(_message.Message):
    __slots__ = ("counts", "servers")
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    SERVERS_FIELD_NUMBER: _ClassVar[int]
    counts: GenerationJobCounts
    servers: _containers.RepeatedCompositeFieldContainer[ServerLoad]
    def __init__(self, counts: _Optional[_Union[GenerationJobCounts, _Mapping]] = ..., servers: _Optional[_Iterable[_Union[ServerLoad, _Mapping]]] = ...) -> None: ...

class ServerLoad(_message.Message):
    __slots__ = ("server_id", "server_name", "kind", "is_online", "current_jobs", "max_concurrent", "queue_length", "average_job_time", "last_heartbeat", "total_completed", "total_failed")
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    IS_ONLINE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_JOBS_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENT_FIELD_NUMBER: _ClassVar[int]
    QUEUE_LENGTH_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_JOB_TIME_FIELD_NUMBER: _ClassVar[int]
    LAST_HEARTBEAT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COMPLETED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FAILED_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    server_name: str
    kind: WorkerKind
    is_online: bool
    current_jobs: int
    max_concurrent: int
    queue_length: int
    average_job_time: float
    last_heartbeat: _timestamp_pb2.Timestamp
    total_completed: int
    total_failed: int
    def __init__(self, server_id: _Optional[str] = ..., server_name: _Optional[str] = ..., kind: _Optional[_Union[WorkerKind, str]] = ..., is_online: _Optional[bool] = ..., current_jobs: _Optional[int] = ..., max_concurrent: _Optional[int] = ..., queue_length: _Optional[int] = ..., average_job_time: _Optional[float] = ..., last_heartbeat: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., total_completed: _Optional[int] = ..., total_failed: _Optional[int] = ...) -> None: ...

class WorkflowTemplate(_message.Message):
    __slots__ = ("id", "version", "name", "generation_type", "model_types", "required_node_classes", "required_models", "available", "missing_node_classes", "missing_models")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENERATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPES_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_NODE_CLASSES_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_MODELS_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    MISSING_NODE_CLASSES_FIELD_NUMBER: _ClassVar[int]
    MISSING_MODELS_FIELD_NUMBER: _ClassVar[int]
    id: str
    version: int
    name: str
    generation_type: GenerationType
    model_types: _containers.RepeatedScalarFieldContainer[str]
    required_node_classes: _containers.RepeatedScalarFieldContainer[str]
    required_models: _containers.RepeatedCompositeFieldContainer[WorkflowModelRequirement]
    available: bool
    missing_node_classes: _containers.RepeatedScalarFieldContainer[str]
    missing_models: _containers.RepeatedCompositeFieldContainer[WorkflowModelRequirement]
    def __init__(self, id: _Optional[str] = ..., version: _Optional[int] = ..., name: _Optional[str] = ..., generation_type: _Optional[_Union[GenerationType, str]] = ..., model_types: _Optional[_Iterable[str]] = ..., required_node_classes: _Optional[_Iterable[str]] = ..., required_models: _Optional[_Iterable[_Union[WorkflowModelRequirement, _Mapping]]] = ..., available: _Optional[bool] = ..., missing_node_classes: _Optional[_Iterable[str]] = ..., missing_models: _Optional[_Iterable[_Union[WorkflowModelRequirement, _Mapping]]] = ...) -> None: ...

class WorkflowModelRequirement(_message.Message):
    __slots__ = ("folder", "name")
    FOLDER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    folder: str
    name: str
    def __init__(self, folder: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class Worker(_message.Message):
    __slots__ = ("id", "name", "is_online", "max_concurrent", "current_jobs", "last_heartbeat", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    IS_ONLINE_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_JOBS_FIELD_NUMBER: _ClassVar[int]
    LAST_HEARTBEAT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    is_online: bool
    max_concurrent: int
    current_jobs: int
    last_heartbeat: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., is_online: _Optional[bool] = ..., max_concurrent: _Optional[int] = ..., current_jobs: _Optional[int] = ..., last_heartbeat: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
