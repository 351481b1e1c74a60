"""REST bodies -> projects service requests for the project, scene and clip routes.

Partial updates name in the field mask exactly the fields the body sets (absent and null are unchanged).
"""

from __future__ import annotations

from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard.projects.v1 import projects_service_pb2 as api

from api_gateway.mappers.masks import mask_of, set_fields
from api_gateway.schemas.clips import ClipCreate, ClipUpdate
from api_gateway.schemas.projects import ProjectUpdate
from api_gateway.schemas.scenes import SceneCreate, SceneUpdate


def update_project_request(project_id: str, body: ProjectUpdate) -> api.UpdateProjectRequest:
    music = body.music_file_path if body.music_file_path is not None else body.music_file
    given = set_fields({"name": body.name, "description": body.description, "music_file_path": music,
                        "music_duration": body.music_duration})
    # "" clears the music: the path is named in the mask and left unset.
    values = {k: v for k, v in given.items() if v != ""}
    return api.UpdateProjectRequest(project=pb.Project(id=project_id, **values),
                                    update_mask=mask_of(given))


def create_scene_request(body: SceneCreate) -> api.CreateSceneRequest:
    return api.CreateSceneRequest(scene=pb.Scene(
        project_id=body.project_id, name=body.name, description=body.description or "",
        lyrics=body.lyrics or "",
        order=body.order, duration=body.duration))


def update_scene_request(scene_id: str, body: SceneUpdate) -> api.UpdateSceneRequest:
    given = set_fields(body.model_dump())
    values = {k: v for k, v in given.items() if k != "timeline_start"}
    return api.UpdateSceneRequest(scene=pb.Scene(id=scene_id, **values),
                                  update_mask=mask_of(given))


def create_clip_request(body: ClipCreate) -> api.CreateClipRequest:
    return api.CreateClipRequest(clip=pb.Clip(
        scene_id=body.scene_id, name=body.name, lyrics=body.lyrics or "", length=body.length,
        timeline_position=body.timeline_position, order=body.order, image_prompt=body.image_prompt or "",
        video_prompt=body.video_prompt or "", character_id=body.character_id or None))


def update_clip_request(clip_id: str, body: ClipUpdate) -> api.UpdateClipRequest:
    given = set_fields(body.model_dump())
    values = {k: v for k, v in given.items() if not (k == "character_id" and v == "")}  # "" clears
    return api.UpdateClipRequest(clip=pb.Clip(id=clip_id, **values),
                                 update_mask=mask_of(given))
