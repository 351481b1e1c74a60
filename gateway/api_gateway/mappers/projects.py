from __future__ import annotations

from storyboard.projects.v1 import projects_resources_pb2 as pb

from api_gateway.mappers.common import media_url, opt, rfc3339
from api_gateway.schemas.projects import ProjectPublic


def project_public(p: pb.Project, base_url: str) -> ProjectPublic:
    music = media_url(opt(p, "music_file_path"), base_url)
    return ProjectPublic(
        id=p.id, name=p.name, description=p.description, music_file_path=music, music_file=music,
        music_duration=opt(p, "music_duration"), music_media_id=opt(p, "music_media_id"),
        created_at=rfc3339(p.create_time), updated_at=rfc3339(p.update_time),
    )
