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

class ContentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONTENT_TYPE_UNSPECIFIED: _ClassVar[ContentType]
    CONTENT_TYPE_IMAGE: _ClassVar[ContentType]
    CONTENT_TYPE_VIDEO: _ClassVar[ContentType]

class ContentSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONTENT_SOURCE_UNSPECIFIED: _ClassVar[ContentSource]
    CONTENT_SOURCE_GENERATION: _ClassVar[ContentSource]
    CONTENT_SOURCE_EXTERNAL_WORKER: _ClassVar[ContentSource]
    CONTENT_SOURCE_POOL: _ClassVar[ContentSource]

class GenerationMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GENERATION_METHOD_UNSPECIFIED: _ClassVar[GenerationMethod]
    GENERATION_METHOD_IP_ADAPTER: _ClassVar[GenerationMethod]
    GENERATION_METHOD_REACTOR: _ClassVar[GenerationMethod]
    GENERATION_METHOD_INSTANTID: _ClassVar[GenerationMethod]
    GENERATION_METHOD_LORA: _ClassVar[GenerationMethod]

class PoolSourceType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    POOL_SOURCE_TYPE_UNSPECIFIED: _ClassVar[PoolSourceType]
    POOL_SOURCE_TYPE_CLIP_GENERATION: _ClassVar[PoolSourceType]
    POOL_SOURCE_TYPE_MANUAL_UPLOAD: _ClassVar[PoolSourceType]
    POOL_SOURCE_TYPE_BATCH_GENERATION: _ClassVar[PoolSourceType]

class ExportFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPORT_FORMAT_UNSPECIFIED: _ClassVar[ExportFormat]
    EXPORT_FORMAT_FCPXML: _ClassVar[ExportFormat]
    EXPORT_FORMAT_EDL: _ClassVar[ExportFormat]
    EXPORT_FORMAT_FCP7_XML: _ClassVar[ExportFormat]
    EXPORT_FORMAT_JSON: _ClassVar[ExportFormat]

class ExportMediaSelection(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPORT_MEDIA_SELECTION_UNSPECIFIED: _ClassVar[ExportMediaSelection]
    EXPORT_MEDIA_SELECTION_AUTO: _ClassVar[ExportMediaSelection]
    EXPORT_MEDIA_SELECTION_VIDEO: _ClassVar[ExportMediaSelection]
    EXPORT_MEDIA_SELECTION_IMAGE: _ClassVar[ExportMediaSelection]
CONTENT_TYPE_UNSPECIFIED: ContentType
CONTENT_TYPE_IMAGE: ContentType
CONTENT_TYPE_VIDEO: ContentType
CONTENT_SOURCE_UNSPECIFIED: ContentSource
CONTENT_SOURCE_GENERATION: ContentSource
CONTENT_SOURCE_EXTERNAL_WORKER: ContentSource
CONTENT_SOURCE_POOL: ContentSource
GENERATION_METHOD_UNSPECIFIED: GenerationMethod
GENERATION_METHOD_IP_ADAPTER: GenerationMethod
GENERATION_METHOD_REACTOR: GenerationMethod
GENERATION_METHOD_INSTANTID: GenerationMethod
GENERATION_METHOD_LORA: GenerationMethod
POOL_SOURCE_TYPE_UNSPECIFIED: PoolSourceType
POOL_SOURCE_TYPE_CLIP_GENERATION: PoolSourceType
POOL_SOURCE_TYPE_MANUAL_UPLOAD: PoolSourceType
POOL_SOURCE_TYPE_BATCH_GENERATION: PoolSourceType
EXPORT_FORMAT_UNSPECIFIED: ExportFormat
EXPORT_FORMAT_FCPXML: ExportFormat
EXPORT_FORMAT_EDL: ExportFormat
EXPORT_FORMAT_FCP7_XML: ExportFormat
EXPORT_FORMAT_JSON: ExportFormat
EXPORT_MEDIA_SELECTION_UNSPECIFIED: ExportMediaSelection
EXPORT_MEDIA_SELECTION_AUTO: ExportMediaSelection
EXPORT_MEDIA_SELECTION_VIDEO: ExportMediaSelection
EXPORT_MEDIA_SELECTION_IMAGE: ExportMediaSelection

class Project(_message.Message):
    __slots__ = ("id", "name", "description", "music_file_path", "music_duration", "music_media_id", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MUSIC_FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    MUSIC_DURATION_FIELD_NUMBER: _ClassVar[int]
    MUSIC_MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    music_file_path: str
    music_duration: float
    music_media_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., music_file_path: _Optional[str] = ..., music_duration: _Optional[float] = ..., music_media_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Scene(_message.Message):
    __slots__ = ("id", "project_id", "name", "description", "lyrics", "order", "parent_scene_id", "alternate_number", "is_alternate", "duration", "timeline_start", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    LYRICS_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    PARENT_SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    ALTERNATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    IS_ALTERNATE_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_START_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    project_id: str
    name: str
    description: str
    lyrics: str
    order: int
    parent_scene_id: str
    alternate_number: int
    is_alternate: bool
    duration: float
    timeline_start: float
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., project_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., lyrics: _Optional[str] = ..., order: _Optional[int] = ..., parent_scene_id: _Optional[str] = ..., alternate_number: _Optional[int] = ..., is_alternate: _Optional[bool] = ..., duration: _Optional[float] = ..., timeline_start: _Optional[float] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class LoraRef(_message.Message):
    __slots__ = ("name", "weight")
    NAME_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    name: str
    weight: float
    def __init__(self, name: _Optional[str] = ..., weight: _Optional[float] = ...) -> None: ...

class GeneratedContent(_message.Message):
    __slots__ = ("id", "content_type", "url", "thumbnail_url", "media_id", "prompt", "negative_prompt", "server_id", "server_name_snapshot", "model_name", "model_type", "generation_params", "loras", "seed", "job_id", "source", "is_selected", "create_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ID_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_NAME_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
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
    content_type: ContentType
    url: str
    thumbnail_url: str
    media_id: str
    prompt: str
    negative_prompt: str
    server_id: str
    server_name_snapshot: str
    model_name: str
    model_type: str
    generation_params: _struct_pb2.Struct
    loras: _containers.RepeatedCompositeFieldContainer[LoraRef]
    seed: int
    job_id: str
    source: ContentSource
    is_selected: bool
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., content_type: _Optional[_Union[ContentType, str]] = ..., url: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., media_id: _Optional[str] = ..., prompt: _Optional[str] = ..., negative_prompt: _Optional[str] = ..., server_id: _Optional[str] = ..., server_name_snapshot: _Optional[str] = ..., model_name: _Optional[str] = ..., model_type: _Optional[str] = ..., generation_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., loras: _Optional[_Iterable[_Union[LoraRef, _Mapping]]] = ..., seed: _Optional[int] = ..., job_id: _Optional[str] = ..., source: _Optional[_Union[ContentSource, str]] = ..., is_selected: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Clip(_message.Message):
    __slots__ = ("id", "scene_id", "project_id", "name", "lyrics", "length", "timeline_position", "order", "parent_clip_id", "alternate_number", "is_alternate", "image_prompt", "video_prompt", "generated_images", "generated_videos", "selected_image_id", "selected_video_id", "character_id", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LYRICS_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_POSITION_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    PARENT_CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    ALTERNATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    IS_ALTERNATE_FIELD_NUMBER: _ClassVar[int]
    IMAGE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    VIDEO_PROMPT_FIELD_NUMBER: _ClassVar[int]
    GENERATED_IMAGES_FIELD_NUMBER: _ClassVar[int]
    GENERATED_VIDEOS_FIELD_NUMBER: _ClassVar[int]
    SELECTED_IMAGE_ID_FIELD_NUMBER: _ClassVar[int]
    SELECTED_VIDEO_ID_FIELD_NUMBER: _ClassVar[int]
    CHARACTER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    scene_id: str
    project_id: str
    name: str
    lyrics: str
    length: float
    timeline_position: float
    order: int
    parent_clip_id: str
    alternate_number: int
    is_alternate: bool
    image_prompt: str
    video_prompt: str
    generated_images: _containers.RepeatedCompositeFieldContainer[GeneratedContent]
    generated_videos: _containers.RepeatedCompositeFieldContainer[GeneratedContent]
    selected_image_id: str
    selected_video_id: str
    character_id: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., scene_id: _Optional[str] = ..., project_id: _Optional[str] = ..., name: _Optional[str] = ..., lyrics: _Optional[str] = ..., length: _Optional[float] = ..., timeline_position: _Optional[float] = ..., order: _Optional[int] = ..., parent_clip_id: _Optional[str] = ..., alternate_number: _Optional[int] = ..., is_alternate: _Optional[bool] = ..., image_prompt: _Optional[str] = ..., video_prompt: _Optional[str] = ..., generated_images: _Optional[_Iterable[_Union[GeneratedContent, _Mapping]]] = ..., generated_videos: _Optional[_Iterable[_Union[GeneratedContent, _Mapping]]] = ..., selected_image_id: _Optional[str] = ..., selected_video_id: _Optional[str] = ..., character_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Character(_message.Message):
    __slots__ = ("id", "project_id", "name", "description", "reference_images", "lora", "trigger_words", "style_notes", "generation_method", "face_image", "generation_params", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_IMAGES_FIELD_NUMBER: _ClassVar[int]
    LORA_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_WORDS_FIELD_NUMBER: _ClassVar[int]
    STYLE_NOTES_FIELD_NUMBER: _ClassVar[int]
    GENERATION_METHOD_FIELD_NUMBER: _ClassVar[int]
    FACE_IMAGE_FIELD_NUMBER: _ClassVar[int]
    GENERATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    project_id: str
    name: str
    description: str
    reference_images: _containers.RepeatedScalarFieldContainer[str]
    lora: str
    trigger_words: str
    style_notes: str
    generation_method: GenerationMethod
    face_image: str
    generation_params: _struct_pb2.Struct
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., project_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., reference_images: _Optional[_Iterable[str]] = ..., lora: _Optional[str] = ..., trigger_words: _Optional[str] = ..., style_notes: _Optional[str] = ..., generation_method: _Optional[_Union[GenerationMethod, str]] = ..., face_image: _Optional[str] = ..., generation_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StyleTemplate(_message.Message):
    __slots__ = ("id", "name", "description", "category", "model", "negative_prompt", "loras", "params", "preview_url", "is_public", "created_by", "use_count", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    NEGATIVE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    LORAS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_URL_FIELD_NUMBER: _ClassVar[int]
    IS_PUBLIC_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    USE_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    category: str
    model: str
    negative_prompt: str
    loras: _containers.RepeatedCompositeFieldContainer[LoraRef]
    params: _struct_pb2.Struct
    preview_url: str
    is_public: bool
    created_by: str
    use_count: int
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., model: _Optional[str] = ..., negative_prompt: _Optional[str] = ..., loras: _Optional[_Iterable[_Union[LoraRef, _Mapping]]] = ..., params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., preview_url: _Optional[str] = ..., is_public: _Optional[bool] = ..., created_by: _Optional[str] = ..., use_count: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PoolItem(_message.Message):
    __slots__ = ("id", "project_id", "name", "description", "content_type", "source_type", "source_clip_id", "media_url", "thumbnail_url", "generation_params", "tags", "metadata", "create_time", "update_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_URL_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    GENERATION_PARAMS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    project_id: str
    name: str
    description: str
    content_type: ContentType
    source_type: PoolSourceType
    source_clip_id: str
    media_url: str
    thumbnail_url: str
    generation_params: _struct_pb2.Struct
    tags: _containers.RepeatedScalarFieldContainer[str]
    metadata: _struct_pb2.Struct
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., project_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., content_type: _Optional[_Union[ContentType, str]] = ..., source_type: _Optional[_Union[PoolSourceType, str]] = ..., source_clip_id: _Optional[str] = ..., media_url: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., generation_params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., tags: _Optional[_Iterable[str]] = ..., metadata: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TimelineGap(_message.Message):
    __slots__ = ("start", "end", "duration")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    start: float
    end: float
    duration: float
    def __init__(self, start: _Optional[float] = ..., end: _Optional[float] = ..., duration: _Optional[float] = ...) -> None: ...

class TimelineSummary(_message.Message):
    __slots__ = ("total_clips", "total_duration", "timeline_end", "gaps")
    TOTAL_CLIPS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DURATION_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_END_FIELD_NUMBER: _ClassVar[int]
    GAPS_FIELD_NUMBER: _ClassVar[int]
    total_clips: int
    total_duration: float
    timeline_end: float
    gaps: _containers.RepeatedCompositeFieldContainer[TimelineGap]
    def __init__(self, total_clips: _Optional[int] = ..., total_duration: _Optional[float] = ..., timeline_end: _Optional[float] = ..., gaps: _Optional[_Iterable[_Union[TimelineGap, _Mapping]]] = ...) -> None: ...

class TimelineOverlap(_message.Message):
    __slots__ = ("clip1_id", "clip1_name", "clip2_id", "clip2_name", "overlap_duration", "error")
    CLIP1_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP1_NAME_FIELD_NUMBER: _ClassVar[int]
    CLIP2_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP2_NAME_FIELD_NUMBER: _ClassVar[int]
    OVERLAP_DURATION_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    clip1_id: str
    clip1_name: str
    clip2_id: str
    clip2_name: str
    overlap_duration: float
    error: str
    def __init__(self, clip1_id: _Optional[str] = ..., clip1_name: _Optional[str] = ..., clip2_id: _Optional[str] = ..., clip2_name: _Optional[str] = ..., overlap_duration: _Optional[float] = ..., error: _Optional[str] = ...) -> None: ...

class TimelineAnalysisGap(_message.Message):
    __slots__ = ("after_clip_id", "after_clip_name", "before_clip_id", "before_clip_name", "gap_start", "gap_end", "gap_duration")
    AFTER_CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_CLIP_NAME_FIELD_NUMBER: _ClassVar[int]
    BEFORE_CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    BEFORE_CLIP_NAME_FIELD_NUMBER: _ClassVar[int]
    GAP_START_FIELD_NUMBER: _ClassVar[int]
    GAP_END_FIELD_NUMBER: _ClassVar[int]
    GAP_DURATION_FIELD_NUMBER: _ClassVar[int]
    after_clip_id: str
    after_clip_name: str
    before_clip_id: str
    before_clip_name: str
    gap_start: float
    gap_end: float
    gap_duration: float
    def __init__(self, after_clip_id: _Optional[str] = ..., after_clip_name: _Optional[str] = ..., before_clip_id: _Optional[str] = ..., before_clip_name: _Optional[str] = ..., gap_start: _Optional[float] = ..., gap_end: _Optional[float] = ..., gap_duration: _Optional[float] = ...) -> None: ...

class TimelineAnalysis(_message.Message):
    __slots__ = ("scene_id", "summary", "overlaps", "gaps", "has_issues", "total_clips", "alternate_clips")
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    OVERLAPS_FIELD_NUMBER: _ClassVar[int]
    GAPS_FIELD_NUMBER: _ClassVar[int]
    HAS_ISSUES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_CLIPS_FIELD_NUMBER: _ClassVar[int]
    ALTERNATE_CLIPS_FIELD_NUMBER: _ClassVar[int]
    scene_id: str
    summary: TimelineSummary
    overlaps: _containers.RepeatedCompositeFieldContainer[TimelineOverlap]
    gaps: _containers.RepeatedCompositeFieldContainer[TimelineAnalysisGap]
    has_issues: bool
    total_clips: int
    alternate_clips: int
    def __init__(self, scene_id: _Optional[str] = ..., summary: _Optional[_Union[TimelineSummary, _Mapping]] = ..., overlaps: _Optional[_Iterable[_Union[TimelineOverlap, _Mapping]]] = ..., gaps: _Optional[_Iterable[_Union[TimelineAnalysisGap, _Mapping]]] = ..., has_issues: _Optional[bool] = ..., total_clips: _Optional[int] = ..., alternate_clips: _Optional[int] = ...) -> None: ...

class TimelineScene(_message.Message):
    __slots__ = ("scene", "clips")
    SCENE_FIELD_NUMBER: _ClassVar[int]
    CLIPS_FIELD_NUMBER: _ClassVar[int]
    scene: Scene
    clips: _containers.RepeatedCompositeFieldContainer[Clip]
    def __init__(self, scene: _Optional[_Union[Scene, _Mapping]] = ..., clips: _Optional[_Iterable[_Union[Clip, _Mapping]]] = ...) -> None: ...
