import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from storyboard.generation.v1 import generation_resources_pb2 as _generation_resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateGenerationJobRequest(_message.Message):
    __slots__ = ("request_id", "clip_id", "generation_type", "prompt", "negative_prompt", "model", "loras", "params", "server_id", "priority", "project_id", "require_online_server", "provider")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    LORAS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_ONLINE_SERVER_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    clip_id: str
    generation_type: _generation_resources_pb2.GenerationType
    prompt: str
    negative_prompt: str
    model: str
    loras: _containers.RepeatedCompositeFieldContainer[_generation_resources_pb2.LoraRef]
    params: _struct_pb2.Struct
    server_id: str
    priority: int
    project_id: str
    require_online_server: bool
    provider: str
    def __init__(self, request_id: _Optional[str] = ..., clip_id: _Optional[str] = ..., generation_type: _Optional[_Union[_generation_resources_pb2.GenerationType, str]] = ..., prompt: _Optional[str] = ..., negative_prompt: _Optional[str] = ..., model: _Optional[str] = ..., loras: _Optional[_Iterable[_Union[_generation_resources_pb2.LoraRef, _Mapping]]] = ..., params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., server_id: _Optional[str] = ..., priority: _Optional[int] = ..., project_id: _Optional[str] = ..., require_online_server: _Optional[bool] = ..., provider: _Optional[str] = ...) -> None: ...

class CreateGenerationJobResponse(_message.Message):
    __slots__ = ("generation_job", "created")
    GENERATION_JOB_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    generation_job: _generation_resources_pb2.GenerationJob
    created: bool
    def __init__(self, generation_job: _Optional[_Union[_generation_resources_pb2.GenerationJob, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class GetGenerationJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetGenerationJobResponse(_message.Message):
    __slots__ = ("generation_job",)
    GENERATION_JOB_FIELD_NUMBER: _ClassVar[int]
    generation_job: _generation_resources_pb2.GenerationJob
    def __init__(self, generation_job: _Optional[_Union[_generation_resources_pb2.GenerationJob, _Mapping]] = ...) -> None: ...

class ListGenerationJobsRequest(_message.Message):
    __slots__ = ("states", "project_id", "scene_id", "clip_id", "batch_id", "server_id", "page_size", "page_token", "offset")
    STATES_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    states: _containers.RepeatedScalarFieldContainer[_generation_resources_pb2.GenerationJobState]
    project_id: str
    scene_id: str
    clip_id: str
    batch_id: str
    server_id: str
    page_size: int
    page_token: str
    offset: int
    def __init__(self, states: _Optional[_Iterable[_Union[_generation_resources_pb2.GenerationJobState, str]]] = ..., project_id: _Optional[str] = ..., scene_id: _Optional[str] = ..., clip_id: _Optional[str] = ..., batch_id: _Optional[str] = ..., server_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListGenerationJobsResponse(_message.Message):
    __slots__ = ("generation_jobs", "next_page_token", "total_size")
    GENERATION_JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    generation_jobs: _containers.RepeatedCompositeFieldContainer[_generation_resources_pb2.GenerationJob]
    next_page_token: str
    total_size: int
    def __init__(self, generation_jobs: _Optional[_Iterable[_Union[_generation_resources_pb2.GenerationJob, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class CancelGenerationJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class CancelGenerationJobResponse(_message.Message):
    __slots__ = ("generation_job",)
    GENERATION_JOB_FIELD_NUMBER: _ClassVar[int]
    generation_job: _generation_resources_pb2.GenerationJob
    def __init__(self, generation_job: _Optional[_Union[_generation_resources_pb2.GenerationJob, _Mapping]] = ...) -> None: ...

class RetryGenerationJobRequest(_message.Message):
    __slots__ = ("job_id", "server_id", "priority")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    server_id: str
    priority: int
    def __init__(self, job_id: _Optional[str] = ..., server_id: _Optional[str] = ..., priority: _Optional[int] = ...) -> None: ...

class RetryGenerationJobResponse(_message.Message):
    __slots__ = ("generation_job",)
    GENERATION_JOB_FIELD_NUMBER: _ClassVar[int]
    generation_job: _generation_resources_pb2.GenerationJob
    def __init__(self, generation_job: _Optional[_Union[_generation_resources_pb2.GenerationJob, _Mapping]] = ...) -> None: ...

class DeleteGenerationJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class DeleteGenerationJobResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ClearGenerationJobsRequest(_message.Message):
    __slots__ = ("states",)
    STATES_FIELD_NUMBER: _ClassVar[int]
    states: _containers.RepeatedScalarFieldContainer[_generation_resources_pb2.GenerationJobState]
    def __init__(self, states: _Optional[_Iterable[_Union[_generation_resources_pb2.GenerationJobState, str]]] = ...) -> None: ...

class ClearGenerationJobsResponse(_message.Message):
    __slots__ = ("deleted_count",)
    DELETED_COUNT_FIELD_NUMBER: _ClassVar[int]
    deleted_count: int
    def __init__(self, deleted_count: _Optional[int] = ...) -> None: ...

class CancelGenerationJobsRequest(_message.Message):
    __slots__ = ("project_id", "scene_id", "clip_id")
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    scene_id: str
    clip_id: str
    def __init__(self, project_id: _Optional[str] = ..., scene_id: _Optional[str] = ..., clip_id: _Optional[str] = ...) -> None: ...

class CancelGenerationJobsResponse(_message.Message):
    __slots__ = ("cancelled_count",)
    CANCELLED_COUNT_FIELD_NUMBER: _ClassVar[int]
    cancelled_count: int
    def __init__(self, cancelled_count: _Optional[int] = ...) -> None: ...

class ReleaseServerJobsRequest(_message.Message):
    __slots__ = ("server_id",)
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    def __init__(self, server_id: _Optional[str] = ...) -> None: ...

class ReleaseServerJobsResponse(_message.Message):
    __slots__ = ("failed_count",)
    FAILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    failed_count: int
    def __init__(self, failed_count: _Optional[int] = ...) -> None: ...

class WatchGenerationJobRequest(_message.Message):
    __slots__ = ("job_id", "after_sequence")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    after_sequence: int
    def __init__(self, job_id: _Optional[str] = ..., after_sequence: _Optional[int] = ...) -> None: ...

class WatchGenerationJobResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: _generation_resources_pb2.GenerationJobEvent
    def __init__(self, event: _Optional[_Union[_generation_resources_pb2.GenerationJobEvent, _Mapping]] = ...) -> None: ...

class CreateGenerationBatchRequest(_message.Message):
    __slots__ = ("request_id", "clip_ids", "generation_type", "prompt", "negative_prompt", "model", "loras", "params", "server_id", "priority", "require_online_server", "provider")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_IDS_FIELD_NUMBER: _ClassVar[int]
    GENERATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    LORAS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_ONLINE_SERVER_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    clip_ids: _containers.RepeatedScalarFieldContainer[str]
    generation_type: _generation_resources_pb2.GenerationType
    prompt: str
    negative_prompt: str
    model: str
    loras: _containers.RepeatedCompositeFieldContainer[_generation_resources_pb2.LoraRef]
    params: _struct_pb2.Struct
    server_id: str
    priority: int
    require_online_server: bool
    provider: str
    def __init__(self, request_id: _Optional[str] = ..., clip_ids: _Optional[_Iterable[str]] = ..., generation_type: _Optional[_Union[_generation_resources_pb2.GenerationType, str]] = ..., prompt: _Optional[str] = ..., negative_prompt: _Optional[str] = ..., model: _Optional[str] = ..., loras: _Optional[_Iterable[_Union[_generation_resources_pb2.LoraRef, _Mapping]]] = ..., params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., server_id: _Optional[str] = ..., priority: _Optional[int] = ..., require_online_server: _Optional[bool] = ..., provider: _Optional[str] = ...) -> None: ...

class CreateGenerationBatchResponse(_message.Message):
    __slots__ = ("generation_batch", "created")
    GENERATION_BATCH_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    generation_batch: _generation_resources_pb2.GenerationBatch
    created: bool
    def __init__(self, generation_batch: _Optional[_Union[_generation_resources_pb2.GenerationBatch, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class GetGenerationBatchRequest(_message.Message):
    __slots__ = ("batch_id",)
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    def __init__(self, batch_id: _Optional[str] = ...) -> None: ...

class GetGenerationBatchResponse(_message.Message):
    __slots__ = ("generation_batch",)
    GENERATION_BATCH_FIELD_NUMBER: _ClassVar[int]
    generation_batch: _generation_resources_pb2.GenerationBatch
    def __init__(self, generation_batch: _Optional[_Union[_generation_resources_pb2.GenerationBatch, _Mapping]] = ...) -> None: ...

class ListGenerationBatchesRequest(_message.Message):
    __slots__ = ("states", "project_id", "page_size", "page_token", "offset")
    STATES_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    states: _containers.RepeatedScalarFieldContainer[_generation_resources_pb2.GenerationBatchState]
    project_id: str
    page_size: int
    page_token: str
    offset: int
    def __init__(self, states: _Optional[_Iterable[_Union[_generation_resources_pb2.GenerationBatchState, str]]] = ..., project_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListGenerationBatchesResponse(_message.Message):
    __slots__ = ("generation_batches", "next_page_token", "total_size")
    GENERATION_BATCHES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    generation_batches: _containers.RepeatedCompositeFieldContainer[_generation_resources_pb2.GenerationBatch]
    next_page_token: str
    total_size: int
    def __init__(self, generation_batches: _Optional[_Iterable[_Union[_generation_resources_pb2.GenerationBatch, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class CancelGenerationBatchRequest(_message.Message):
    __slots__ = ("batch_id",)
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    def __init__(self, batch_id: _Optional[str] = ...) -> None: ...

class CancelGenerationBatchResponse(_message.Message):
    __slots__ = ("generation_batch",)
    GENERATION_BATCH_FIELD_NUMBER: _ClassVar[int]
    generation_batch: _generation_resources_pb2.GenerationBatch
    def __init__(self, generation_batch: _Optional[_Union[_generation_resources_pb2.GenerationBatch, _Mapping]] = ...) -> None: ...

class RetryGenerationBatchRequest(_message.Message):
    __slots__ = ("batch_id", "server_id")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    server_id: str
    def __init__(self, batch_id: _Optional[str] = ..., server_id: _Optional[str] = ...) -> None: ...

class RetryGenerationBatchResponse(_message.Message):
    __slots__ = ("generation_batch",)
    GENERATION_BATCH_FIELD_NUMBER: _ClassVar[int]
    generation_batch: _generation_resources_pb2.GenerationBatch
    def __init__(self, generation_batch: _Optional[_Union[_generation_resources_pb2.GenerationBatch, _Mapping]] = ...) -> None: ...

class WatchGenerationBatchRequest(_message.Message):
    __slots__ = ("batch_id", "after_sequence")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    after_sequence: int
    def __init__(self, batch_id: _Optional[str] = ..., after_sequence: _Optional[int] = ...) -> None: ...

class WatchGenerationBatchResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: _generation_resources_pb2.GenerationBatchEvent
    def __init__(self, event: _Optional[_Union[_generation_resources_pb2.GenerationBatchEvent, _Mapping]] = ...) -> None: ...

class GetQueueStatusRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetQueueStatusResponse(_message.Message):
    __slots__ = ("queue_status",)
    QUEUE_STATUS_FIELD_NUMBER: _ClassVar[int]
    queue_status: _generation_resources_pb2.QueueStatus
    def __init__(self, queue_status: _Optional[_Union[_generation_resources_pb2.QueueStatus, _Mapping]] = ...) -> None: ...

class ListWorkflowTemplatesRequest(_message.Message):
    __slots__ = ("generation_type", "model_type", "server_id", "page_size", "page_token")
    GENERATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    generation_type: _generation_resources_pb2.GenerationType
    model_type: str
    server_id: str
    page_size: int
    page_token: str
    def __init__(self, generation_type: _Optional[_Union[_generation_resources_pb2.GenerationType, str]] = ..., model_type: _Optional[str] = ..., server_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListWorkflowTemplatesResponse(_message.Message):
    __slots__ = ("workflow_templates", "next_page_token")
    WORKFLOW_TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    workflow_templates: _containers.RepeatedCompositeFieldContainer[_generation_resources_pb2.WorkflowTemplate]
    next_page_token: str
    def __init__(self, workflow_templates: _Optional[_Iterable[_Union[_generation_resources_pb2.WorkflowTemplate, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RegisterWorkerRequest(_message.Message):
    __slots__ = ("worker_id", "name", "is_online", "max_concurrent")
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    IS_ONLINE_FIELD_NUMBER: _ClassVar[int]
    MAX_CONCURRENT_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    name: str
    is_online: bool
    max_concurrent: int
    def __init__(self, worker_id: _Optional[str] = ..., name: _Optional[str] = ..., is_online: _Optional[bool] = ..., max_concurrent: _Optional[int] = ...) -> None: ...

class RegisterWorkerResponse(_message.Message):
    __slots__ = ("worker",)
    WORKER_FIELD_NUMBER: _ClassVar[int]
    worker: _generation_resources_pb2.Worker
    def __init__(self, worker: _Optional[_Union[_generation_resources_pb2.Worker, _Mapping]] = ...) -> None: ...

class ClaimWorkerJobRequest(_message.Message):
    __slots__ = ("worker_id",)
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    worker_id: str
    def __init__(self, worker_id: _Optional[str] = ...) -> None: ...

class ClaimWorkerJobResponse(_message.Message):
    __slots__ = ("generation_job", "lease_expires_at")
    GENERATION_JOB_FIELD_NUMBER: _ClassVar[int]
    LEASE_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    generation_job: _generation_resources_pb2.GenerationJob
    lease_expires_at: _timestamp_pb2.Timestamp
    def __init__(self, generation_job: _Optional[_Union[_generation_resources_pb2.GenerationJob, _Mapping]] = ..., lease_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CompleteWorkerJobRequest(_message.Message):
    __slots__ = ("job_id", "success", "result_url", "error", "worker_id")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_URL_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    WORKER_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    success: bool
    result_url: str
    error: str
    worker_id: str
    def __init__(self, job_id: _Optional[str] = ..., success: _Optional[bool] = ..., result_url: _Optional[str] = ..., error: _Optional[str] = ..., worker_id: _Optional[str] = ...) -> None: ...

class CompleteWorkerJobResponse(_message.Message):
    __slots__ = ("generation_job",)
    GENERATION_JOB_FIELD_NUMBER: _ClassVar[int]
    generation_job: _generation_resources_pb2.GenerationJob
    def __init__(self, generation_job: _Optional[_Union[_generation_resources_pb2.GenerationJob, _Mapping]] = ...) -> None: ...
