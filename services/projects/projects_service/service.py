"""Projects' rules: plain async Python, no grpc."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storyboard_common.errors import InvalidArgumentError, NotFoundError
from storyboard_common.pagination import next_page_token, resolve_page
from storyboard_common.timestamps import Clock

from projects_service.domain import Project
from projects_service.repository import ProjectRepository

DEFAULT_PAGE_SIZE = 500
NAME_MAX, DESCRIPTION_MAX = 200, 2000


@dataclass(frozen=True)
class ProjectPage:
    projects: list[Project]
    next_page_token: str
    total_size: int


def _check_text(name: str, description: str) -> None:
    if not 1 <= len(name) <= NAME_MAX:
        raise InvalidArgumentError(f"name must be 1-{NAME_MAX} characters")
    if len(description) > DESCRIPTION_MAX:
        raise InvalidArgumentError(f"description must be at most {DESCRIPTION_MAX} characters")


class ProjectService:
    def __init__(self, projects: ProjectRepository, clock: Clock, new_id: Callable[[], str]):
        self._projects = projects
        self._clock = clock
        self._new_id = new_id

    async def create(self, name: str, description: str) -> Project:
        _check_text(name, description)
        now = self._clock()
        return await self._projects.add(
            Project(id=self._new_id(), name=name, description=description, created_at=now, updated_at=now))

    async def get(self, project_id: str) -> Project:
        project = await self._projects.get(project_id)
        if project is None:
            raise NotFoundError.of("Project", project_id)
        return project

    async def list(self, requested_size: int, page_token: str, offset: int) -> ProjectPage:
        query = {"list": "projects"}
        size, start = resolve_page(requested_size, page_token, offset, query, default=DEFAULT_PAGE_SIZE)
        projects = await self._projects.list_newest_first(size, start)
        total = await self._projects.count()
        return ProjectPage(projects, next_page_token(start, len(projects), total, query), total)
