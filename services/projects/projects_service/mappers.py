"""proto <-> domain; the only module that imports both."""

from __future__ import annotations

from storyboard.projects.v1 import projects_resources_pb2 as pb
from storyboard_common.timestamps import to_timestamp

from projects_service.domain import Project


def project_to_proto(p: Project) -> pb.Project:
    return pb.Project(
        id=p.id, name=p.name, description=p.description,
        music_file_path=p.music_file_path, music_duration=p.music_duration, music_media_id=p.music_media_id,
        create_time=to_timestamp(p.created_at), update_time=to_timestamp(p.updated_at),
    )
