from google.protobuf import field_mask_pb2 as _field_mask_pb2
from storyboard.projects.v1 import projects_resources_pb2 as _projects_resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateProjectRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: _projects_resources_pb2.Project
    def __init__(self, project: _Optional[_Union[_projects_resources_pb2.Project, _Mapping]] = ...) -> None: ...

class CreateProjectResponse(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: _projects_resources_pb2.Project
    def __init__(self, project: _Optional[_Union[_projects_resources_pb2.Project, _Mapping]] = ...) -> None: ...

class GetProjectRequest(_message.Message):
    __slots__ = ("project_id",)
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    def __init__(self, project_id: _Optional[str] = ...) -> None: ...

class GetProjectResponse(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: _projects_resources_pb2.Project
    def __init__(self, project: _Optional[_Union[_projects_resources_pb2.Project, _Mapping]] = ...) -> None: ...

class ListProjectsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "offset")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    offset: int
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListProjectsResponse(_message.Message):
    __slots__ = ("projects", "next_page_token", "total_size")
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    projects: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.Project]
    next_page_token: str
    total_size: int
    def __init__(self, projects: _Optional[_Iterable[_Union[_projects_resources_pb2.Project, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateProjectRequest(_message.Message):
    __slots__ = ("project", "update_mask")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    project: _projects_resources_pb2.Project
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, project: _Optional[_Union[_projects_resources_pb2.Project, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateProjectResponse(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: _projects_resources_pb2.Project
    def __init__(self, project: _Optional[_Union[_projects_resources_pb2.Project, _Mapping]] = ...) -> None: ...

class DeleteProjectRequest(_message.Message):
    __slots__ = ("project_id",)
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    def __init__(self, project_id: _Optional[str] = ...) -> None: ...

class DeleteProjectResponse(_message.Message):
    __slots__ = ("deleted_scenes", "deleted_clips", "deleted_characters", "deleted_pool_items", "media_ids")
    DELETED_SCENES_FIELD_NUMBER: _ClassVar[int]
    DELETED_CLIPS_FIELD_NUMBER: _ClassVar[int]
    DELETED_CHARACTERS_FIELD_NUMBER: _ClassVar[int]
    DELETED_POOL_ITEMS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_IDS_FIELD_NUMBER: _ClassVar[int]
    deleted_scenes: int
    deleted_clips: int
    deleted_characters: int
    deleted_pool_items: int
    media_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, deleted_scenes: _Optional[int] = ..., deleted_clips: _Optional[int] = ..., deleted_characters: _Optional[int] = ..., deleted_pool_items: _Optional[int] = ..., media_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetProjectTimelineRequest(_message.Message):
    __slots__ = ("project_id",)
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    def __init__(self, project_id: _Optional[str] = ...) -> None: ...

class GetProjectTimelineResponse(_message.Message):
    __slots__ = ("project", "scenes", "total_duration")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    SCENES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_DURATION_FIELD_NUMBER: _ClassVar[int]
    project: _projects_resources_pb2.Project
    scenes: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.TimelineScene]
    total_duration: float
    def __init__(self, project: _Optional[_Union[_projects_resources_pb2.Project, _Mapping]] = ..., scenes: _Optional[_Iterable[_Union[_projects_resources_pb2.TimelineScene, _Mapping]]] = ..., total_duration: _Optional[float] = ...) -> None: ...

class ExportProjectRequest(_message.Message):
    __slots__ = ("project_id", "format", "fps", "media", "width", "height", "start_tc", "base_url")
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    FPS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    START_TC_FIELD_NUMBER: _ClassVar[int]
    BASE_URL_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    format: _projects_resources_pb2.ExportFormat
    fps: str
    media: _projects_resources_pb2.ExportMediaSelection
    width: int
    height: int
    start_tc: str
    base_url: str
    def __init__(self, project_id: _Optional[str] = ..., format: _Optional[_Union[_projects_resources_pb2.ExportFormat, str]] = ..., fps: _Optional[str] = ..., media: _Optional[_Union[_projects_resources_pb2.ExportMediaSelection, str]] = ..., width: _Optional[int] = ..., height: _Optional[int] = ..., start_tc: _Optional[str] = ..., base_url: _Optional[str] = ...) -> None: ...

class ExportProjectResponse(_message.Message):
    __slots__ = ("content", "content_type", "filename")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    content_type: str
    filename: str
    def __init__(self, content: _Optional[bytes] = ..., content_type: _Optional[str] = ..., filename: _Optional[str] = ...) -> None: ...

class CreateSceneRequest(_message.Message):
    __slots__ = ("scene",)
    SCENE_FIELD_NUMBER: _ClassVar[int]
    scene: _projects_resources_pb2.Scene
    def __init__(self, scene: _Optional[_Union[_projects_resources_pb2.Scene, _Mapping]] = ...) -> None: ...

class CreateSceneResponse(_message.Message):
    __slots__ = ("scene",)
    SCENE_FIELD_NUMBER: _ClassVar[int]
    scene: _projects_resources_pb2.Scene
    def __init__(self, scene: _Optional[_Union[_projects_resources_pb2.Scene, _Mapping]] = ...) -> None: ...

class GetSceneRequest(_message.Message):
    __slots__ = ("scene_id",)
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    scene_id: str
    def __init__(self, scene_id: _Optional[str] = ...) -> None: ...

class GetSceneResponse(_message.Message):
    __slots__ = ("scene",)
    SCENE_FIELD_NUMBER: _ClassVar[int]
    scene: _projects_resources_pb2.Scene
    def __init__(self, scene: _Optional[_Union[_projects_resources_pb2.Scene, _Mapping]] = ...) -> None: ...

class ListScenesRequest(_message.Message):
    __slots__ = ("project_id", "page_size", "page_token")
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    page_size: int
    page_token: str
    def __init__(self, project_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListScenesResponse(_message.Message):
    __slots__ = ("scenes", "next_page_token")
    SCENES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    scenes: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.Scene]
    next_page_token: str
    def __init__(self, scenes: _Optional[_Iterable[_Union[_projects_resources_pb2.Scene, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateSceneRequest(_message.Message):
    __slots__ = ("scene", "update_mask")
    SCENE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    scene: _projects_resources_pb2.Scene
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, scene: _Optional[_Union[_projects_resources_pb2.Scene, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateSceneResponse(_message.Message):
    __slots__ = ("scene",)
    SCENE_FIELD_NUMBER: _ClassVar[int]
    scene: _projects_resources_pb2.Scene
    def __init__(self, scene: _Optional[_Union[_projects_resources_pb2.Scene, _Mapping]] = ...) -> None: ...

class DeleteSceneRequest(_message.Message):
    __slots__ = ("scene_id",)
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    scene_id: str
    def __init__(self, scene_id: _Optional[str] = ...) -> None: ...

class DeleteSceneResponse(_message.Message):
    __slots__ = ("deleted_scenes", "deleted_clips", "deleted_scene_ids", "deleted_clip_ids")
    DELETED_SCENES_FIELD_NUMBER: _ClassVar[int]
    DELETED_CLIPS_FIELD_NUMBER: _ClassVar[int]
    DELETED_SCENE_IDS_FIELD_NUMBER: _ClassVar[int]
    DELETED_CLIP_IDS_FIELD_NUMBER: _ClassVar[int]
    deleted_scenes: int
    deleted_clips: int
    deleted_scene_ids: _containers.RepeatedScalarFieldContainer[str]
    deleted_clip_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, deleted_scenes: _Optional[int] = ..., deleted_clips: _Optional[int] = ..., deleted_scene_ids: _Optional[_Iterable[str]] = ..., deleted_clip_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateSceneAlternateRequest(_message.Message):
    __slots__ = ("scene_id", "copy_clips")
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    COPY_CLIPS_FIELD_NUMBER: _ClassVar[int]
    scene_id: str
    copy_clips: bool
    def __init__(self, scene_id: _Optional[str] = ..., copy_clips: _Optional[bool] = ...) -> None: ...

class CreateSceneAlternateResponse(_message.Message):
    __slots__ = ("scene",)
    SCENE_FIELD_NUMBER: _ClassVar[int]
    scene: _projects_resources_pb2.Scene
    def __init__(self, scene: _Optional[_Union[_projects_resources_pb2.Scene, _Mapping]] = ...) -> None: ...

class AnalyzeSceneTimelineRequest(_message.Message):
    __slots__ = ("scene_id",)
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    scene_id: str
    def __init__(self, scene_id: _Optional[str] = ...) -> None: ...

class AnalyzeSceneTimelineResponse(_message.Message):
    __slots__ = ("analysis",)
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    analysis: _projects_resources_pb2.TimelineAnalysis
    def __init__(self, analysis: _Optional[_Union[_projects_resources_pb2.TimelineAnalysis, _Mapping]] = ...) -> None: ...

class CreateClipRequest(_message.Message):
    __slots__ = ("clip",)
    CLIP_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...

class CreateClipResponse(_message.Message):
    __slots__ = ("clip",)
    CLIP_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...

class GetClipRequest(_message.Message):
    __slots__ = ("clip_id",)
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    def __init__(self, clip_id: _Optional[str] = ...) -> None: ...

class GetClipResponse(_message.Message):
    __slots__ = ("clip",)
    CLIP_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...

class ListClipsRequest(_message.Message):
    __slots__ = ("scene_id", "project_id", "page_size", "page_token")
    SCENE_ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    scene_id: str
    project_id: str
    page_size: int
    page_token: str
    def __init__(self, scene_id: _Optional[str] = ..., project_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListClipsResponse(_message.Message):
    __slots__ = ("clips", "next_page_token")
    CLIPS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    clips: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.Clip]
    next_page_token: str
    def __init__(self, clips: _Optional[_Iterable[_Union[_projects_resources_pb2.Clip, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateClipRequest(_message.Message):
    __slots__ = ("clip", "update_mask")
    CLIP_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateClipResponse(_message.Message):
    __slots__ = ("clip",)
    CLIP_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...

class DeleteClipRequest(_message.Message):
    __slots__ = ("clip_id",)
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    def __init__(self, clip_id: _Optional[str] = ...) -> None: ...

class DeleteClipResponse(_message.Message):
    __slots__ = ("deleted_clips", "deleted_clip_ids")
    DELETED_CLIPS_FIELD_NUMBER: _ClassVar[int]
    DELETED_CLIP_IDS_FIELD_NUMBER: _ClassVar[int]
    deleted_clips: int
    deleted_clip_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, deleted_clips: _Optional[int] = ..., deleted_clip_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class MoveClipRequest(_message.Message):
    __slots__ = ("clip_id", "position", "check_overlap")
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    CHECK_OVERLAP_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    position: float
    check_overlap: bool
    def __init__(self, clip_id: _Optional[str] = ..., position: _Optional[float] = ..., check_overlap: _Optional[bool] = ...) -> None: ...

class MoveClipResponse(_message.Message):
    __slots__ = ("clip", "timeline_summary")
    CLIP_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    timeline_summary: _projects_resources_pb2.TimelineSummary
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ..., timeline_summary: _Optional[_Union[_projects_resources_pb2.TimelineSummary, _Mapping]] = ...) -> None: ...

class CreateClipAlternateRequest(_message.Message):
    __slots__ = ("clip_id",)
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    def __init__(self, clip_id: _Optional[str] = ...) -> None: ...

class CreateClipAlternateResponse(_message.Message):
    __slots__ = ("clip",)
    CLIP_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...

class UpdateClipPromptsRequest(_message.Message):
    __slots__ = ("clip_id", "image_prompt", "video_prompt")
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    IMAGE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    VIDEO_PROMPT_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    image_prompt: str
    video_prompt: str
    def __init__(self, clip_id: _Optional[str] = ..., image_prompt: _Optional[str] = ..., video_prompt: _Optional[str] = ...) -> None: ...

class UpdateClipPromptsResponse(_message.Message):
    __slots__ = ("clip",)
    CLIP_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...

class AddClipContentRequest(_message.Message):
    __slots__ = ("clip_id", "content")
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    content: _projects_resources_pb2.GeneratedContent
    def __init__(self, clip_id: _Optional[str] = ..., content: _Optional[_Union[_projects_resources_pb2.GeneratedContent, _Mapping]] = ...) -> None: ...

class AddClipContentResponse(_message.Message):
    __slots__ = ("content", "added")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ADDED_FIELD_NUMBER: _ClassVar[int]
    content: _projects_resources_pb2.GeneratedContent
    added: bool
    def __init__(self, content: _Optional[_Union[_projects_resources_pb2.GeneratedContent, _Mapping]] = ..., added: _Optional[bool] = ...) -> None: ...

class SelectClipContentRequest(_message.Message):
    __slots__ = ("clip_id", "content_id", "content_type")
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    content_id: str
    content_type: _projects_resources_pb2.ContentType
    def __init__(self, clip_id: _Optional[str] = ..., content_id: _Optional[str] = ..., content_type: _Optional[_Union[_projects_resources_pb2.ContentType, str]] = ...) -> None: ...

class SelectClipContentResponse(_message.Message):
    __slots__ = ("clip",)
    CLIP_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...

class GetClipGalleryRequest(_message.Message):
    __slots__ = ("clip_id",)
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    clip_id: str
    def __init__(self, clip_id: _Optional[str] = ...) -> None: ...

class GetClipGalleryResponse(_message.Message):
    __slots__ = ("images", "videos", "selected_image_id", "selected_video_id")
    IMAGES_FIELD_NUMBER: _ClassVar[int]
    VIDEOS_FIELD_NUMBER: _ClassVar[int]
    SELECTED_IMAGE_ID_FIELD_NUMBER: _ClassVar[int]
    SELECTED_VIDEO_ID_FIELD_NUMBER: _ClassVar[int]
    images: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.GeneratedContent]
    videos: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.GeneratedContent]
    selected_image_id: str
    selected_video_id: str
    def __init__(self, images: _Optional[_Iterable[_Union[_projects_resources_pb2.GeneratedContent, _Mapping]]] = ..., videos: _Optional[_Iterable[_Union[_projects_resources_pb2.GeneratedContent, _Mapping]]] = ..., selected_image_id: _Optional[str] = ..., selected_video_id: _Optional[str] = ...) -> None: ...

class CreateCharacterRequest(_message.Message):
    __slots__ = ("character",)
    CHARACTER_FIELD_NUMBER: _ClassVar[int]
    character: _projects_resources_pb2.Character
    def __init__(self, character: _Optional[_Union[_projects_resources_pb2.Character, _Mapping]] = ...) -> None: ...

class CreateCharacterResponse(_message.Message):
    __slots__ = ("character",)
    CHARACTER_FIELD_NUMBER: _ClassVar[int]
    character: _projects_resources_pb2.Character
    def __init__(self, character: _Optional[_Union[_projects_resources_pb2.Character, _Mapping]] = ...) -> None: ...

class GetCharacterRequest(_message.Message):
    __slots__ = ("character_id",)
    CHARACTER_ID_FIELD_NUMBER: _ClassVar[int]
    character_id: str
    def __init__(self, character_id: _Optional[str] = ...) -> None: ...

class GetCharacterResponse(_message.Message):
    __slots__ = ("character",)
    CHARACTER_FIELD_NUMBER: _ClassVar[int]
    character: _projects_resources_pb2.Character
    def __init__(self, character: _Optional[_Union[_projects_resources_pb2.Character, _Mapping]] = ...) -> None: ...

class ListCharactersRequest(_message.Message):
    __slots__ = ("project_id", "page_size", "page_token", "offset")
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    page_size: int
    page_token: str
    offset: int
    def __init__(self, project_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListCharactersResponse(_message.Message):
    __slots__ = ("characters", "next_page_token", "total_size")
    CHARACTERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    characters: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.Character]
    next_page_token: str
    total_size: int
    def __init__(self, characters: _Optional[_Iterable[_Union[_projects_resources_pb2.Character, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateCharacterRequest(_message.Message):
    __slots__ = ("character", "update_mask")
    CHARACTER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    character: _projects_resources_pb2.Character
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, character: _Optional[_Union[_projects_resources_pb2.Character, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateCharacterResponse(_message.Message):
    __slots__ = ("character",)
    CHARACTER_FIELD_NUMBER: _ClassVar[int]
    character: _projects_resources_pb2.Character
    def __init__(self, character: _Optional[_Union[_projects_resources_pb2.Character, _Mapping]] = ...) -> None: ...

class DeleteCharacterRequest(_message.Message):
    __slots__ = ("character_id",)
    CHARACTER_ID_FIELD_NUMBER: _ClassVar[int]
    character_id: str
    def __init__(self, character_id: _Optional[str] = ...) -> None: ...

class DeleteCharacterResponse(_message.Message):
    __slots__ = ("cleared_clips",)
    CLEARED_CLIPS_FIELD_NUMBER: _ClassVar[int]
    cleared_clips: int
    def __init__(self, cleared_clips: _Optional[int] = ...) -> None: ...

class ApplyCharacterToClipRequest(_message.Message):
    __slots__ = ("character_id", "clip_id")
    CHARACTER_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    character_id: str
    clip_id: str
    def __init__(self, character_id: _Optional[str] = ..., clip_id: _Optional[str] = ...) -> None: ...

class ApplyCharacterToClipResponse(_message.Message):
    __slots__ = ("clip", "image_prompt", "video_prompt")
    CLIP_FIELD_NUMBER: _ClassVar[int]
    IMAGE_PROMPT_FIELD_NUMBER: _ClassVar[int]
    VIDEO_PROMPT_FIELD_NUMBER: _ClassVar[int]
    clip: _projects_resources_pb2.Clip
    image_prompt: str
    video_prompt: str
    def __init__(self, clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ..., image_prompt: _Optional[str] = ..., video_prompt: _Optional[str] = ...) -> None: ...

class CreateStyleTemplateRequest(_message.Message):
    __slots__ = ("style_template",)
    STYLE_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    style_template: _projects_resources_pb2.StyleTemplate
    def __init__(self, style_template: _Optional[_Union[_projects_resources_pb2.StyleTemplate, _Mapping]] = ...) -> None: ...

class CreateStyleTemplateResponse(_message.Message):
    __slots__ = ("style_template",)
    STYLE_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    style_template: _projects_resources_pb2.StyleTemplate
    def __init__(self, style_template: _Optional[_Union[_projects_resources_pb2.StyleTemplate, _Mapping]] = ...) -> None: ...

class GetStyleTemplateRequest(_message.Message):
    __slots__ = ("style_template_id",)
    STYLE_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    style_template_id: str
    def __init__(self, style_template_id: _Optional[str] = ...) -> None: ...

class GetStyleTemplateResponse(_message.Message):
    __slots__ = ("style_template",)
    STYLE_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    style_template: _projects_resources_pb2.StyleTemplate
    def __init__(self, style_template: _Optional[_Union[_projects_resources_pb2.StyleTemplate, _Mapping]] = ...) -> None: ...

class ListStyleTemplatesRequest(_message.Message):
    __slots__ = ("category", "public_only", "page_size", "page_token", "offset")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_ONLY_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    category: str
    public_only: bool
    page_size: int
    page_token: str
    offset: int
    def __init__(self, category: _Optional[str] = ..., public_only: _Optional[bool] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListStyleTemplatesResponse(_message.Message):
    __slots__ = ("style_templates", "next_page_token", "total_size")
    STYLE_TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    style_templates: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.StyleTemplate]
    next_page_token: str
    total_size: int
    def __init__(self, style_templates: _Optional[_Iterable[_Union[_projects_resources_pb2.StyleTemplate, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdateStyleTemplateRequest(_message.Message):
    __slots__ = ("style_template", "update_mask")
    STYLE_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    style_template: _projects_resources_pb2.StyleTemplate
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, style_template: _Optional[_Union[_projects_resources_pb2.StyleTemplate, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateStyleTemplateResponse(_message.Message):
    __slots__ = ("style_template",)
    STYLE_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    style_template: _projects_resources_pb2.StyleTemplate
    def __init__(self, style_template: _Optional[_Union[_projects_resources_pb2.StyleTemplate, _Mapping]] = ...) -> None: ...

class DeleteStyleTemplateRequest(_message.Message):
    __slots__ = ("style_template_id",)
    STYLE_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    style_template_id: str
    def __init__(self, style_template_id: _Optional[str] = ...) -> None: ...

class DeleteStyleTemplateResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UseStyleTemplateRequest(_message.Message):
    __slots__ = ("style_template_id",)
    STYLE_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    style_template_id: str
    def __init__(self, style_template_id: _Optional[str] = ...) -> None: ...

class UseStyleTemplateResponse(_message.Message):
    __slots__ = ("use_count",)
    USE_COUNT_FIELD_NUMBER: _ClassVar[int]
    use_count: int
    def __init__(self, use_count: _Optional[int] = ...) -> None: ...

class CreatePoolItemRequest(_message.Message):
    __slots__ = ("pool_item",)
    POOL_ITEM_FIELD_NUMBER: _ClassVar[int]
    pool_item: _projects_resources_pb2.PoolItem
    def __init__(self, pool_item: _Optional[_Union[_projects_resources_pb2.PoolItem, _Mapping]] = ...) -> None: ...

class CreatePoolItemResponse(_message.Message):
    __slots__ = ("pool_item",)
    POOL_ITEM_FIELD_NUMBER: _ClassVar[int]
    pool_item: _projects_resources_pb2.PoolItem
    def __init__(self, pool_item: _Optional[_Union[_projects_resources_pb2.PoolItem, _Mapping]] = ...) -> None: ...

class GetPoolItemRequest(_message.Message):
    __slots__ = ("pool_item_id",)
    POOL_ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    pool_item_id: str
    def __init__(self, pool_item_id: _Optional[str] = ...) -> None: ...

class GetPoolItemResponse(_message.Message):
    __slots__ = ("pool_item",)
    POOL_ITEM_FIELD_NUMBER: _ClassVar[int]
    pool_item: _projects_resources_pb2.PoolItem
    def __init__(self, pool_item: _Optional[_Union[_projects_resources_pb2.PoolItem, _Mapping]] = ...) -> None: ...

class ListPoolItemsRequest(_message.Message):
    __slots__ = ("project_id", "content_type", "tags", "page_size", "page_token", "offset")
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    content_type: _projects_resources_pb2.ContentType
    tags: _containers.RepeatedScalarFieldContainer[str]
    page_size: int
    page_token: str
    offset: int
    def __init__(self, project_id: _Optional[str] = ..., content_type: _Optional[_Union[_projects_resources_pb2.ContentType, str]] = ..., tags: _Optional[_Iterable[str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListPoolItemsResponse(_message.Message):
    __slots__ = ("pool_items", "next_page_token", "total_size")
    POOL_ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    pool_items: _containers.RepeatedCompositeFieldContainer[_projects_resources_pb2.PoolItem]
    next_page_token: str
    total_size: int
    def __init__(self, pool_items: _Optional[_Iterable[_Union[_projects_resources_pb2.PoolItem, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class UpdatePoolItemRequest(_message.Message):
    __slots__ = ("pool_item", "update_mask")
    POOL_ITEM_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    pool_item: _projects_resources_pb2.PoolItem
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, pool_item: _Optional[_Union[_projects_resources_pb2.PoolItem, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdatePoolItemResponse(_message.Message):
    __slots__ = ("pool_item",)
    POOL_ITEM_FIELD_NUMBER: _ClassVar[int]
    pool_item: _projects_resources_pb2.PoolItem
    def __init__(self, pool_item: _Optional[_Union[_projects_resources_pb2.PoolItem, _Mapping]] = ...) -> None: ...

class DeletePoolItemRequest(_message.Message):
    __slots__ = ("pool_item_id",)
    POOL_ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    pool_item_id: str
    def __init__(self, pool_item_id: _Optional[str] = ...) -> None: ...

class DeletePoolItemResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ApplyPoolItemToClipRequest(_message.Message):
    __slots__ = ("pool_item_id", "clip_id")
    POOL_ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    CLIP_ID_FIELD_NUMBER: _ClassVar[int]
    pool_item_id: str
    clip_id: str
    def __init__(self, pool_item_id: _Optional[str] = ..., clip_id: _Optional[str] = ...) -> None: ...

class ApplyPoolItemToClipResponse(_message.Message):
    __slots__ = ("content", "clip")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CLIP_FIELD_NUMBER: _ClassVar[int]
    content: _projects_resources_pb2.GeneratedContent
    clip: _projects_resources_pb2.Clip
    def __init__(self, content: _Optional[_Union[_projects_resources_pb2.GeneratedContent, _Mapping]] = ..., clip: _Optional[_Union[_projects_resources_pb2.Clip, _Mapping]] = ...) -> None: ...
