"""Timeline rules (rest-contract 3.1), pure: overlaps, suggestions, summaries, analysis, scene layout."""

from __future__ import annotations

from projects_service.domain import Clip, Scene
from projects_service.timeline import analyze, find_conflict, lay_out, main_clip_ends, summarize


def clip(id: str, start: float, length: float, name: str | None = None, parent: str | None = None,
         scene: str = "s1") -> Clip:
    return Clip(id=id, scene_id=scene, project_id="p", name=name or id.upper(), created_at=0.0,
                updated_at=0.0,
                length=length, timeline_position=start, parent_clip_id=parent,
                is_alternate=parent is not None,
                alternate_number=1 if parent else 0)


def scene(id: str, order: int, created: float, duration: float = 0.0, parent: str | None = None) -> Scene:
    return Scene(id=id, project_id="p", name=id, created_at=created, updated_at=created, order=order,
                 duration=duration, parent_scene_id=parent, is_alternate=parent is not None)


def test_conflict_reports_the_contract_message_and_suggests_the_end_plus_a_tenth():
    moving, other = clip("a", 0, 5), clip("b", 4, 5, name="Chorus 2")
    conflict = find_conflict(moving, 5.5, [moving, other])
    assert conflict is not None
    assert conflict.message == ("Clip would overlap with 'Chorus 2' by 3.50 seconds. "
                                "Other clip occupies 4.00s to 9.00s")
    assert conflict.overlap == 3.5
    assert conflict.suggested_position == 9.1


def test_touching_clips_do_not_conflict():
    moving, other = clip("a", 0, 4), clip("b", 4, 5)
    assert find_conflict(moving, 0, [moving, other]) is None
    assert find_conflict(moving, 9, [moving, other]) is None


def test_float_ends_that_touch_are_not_an_overlap():
    moving, other = clip("a", 0, 1.1), clip("b", 5.1, 2)
    assert find_conflict(moving, 4.0, [moving, other]) is None


def test_a_clip_never_conflicts_with_its_own_family():
    root = clip("root", 0, 5)
    alternate = clip("alt", 0, 5, parent="root")
    sibling_alternate = clip("alt2", 2, 5, parent="root")
    assert find_conflict(alternate, 1, [root, alternate, sibling_alternate]) is None
    assert find_conflict(root, 1, [root, alternate, sibling_alternate]) is None


def test_first_conflict_is_chosen_by_start_then_id():
    moving = clip("m", 20, 10)
    later, tie_b, tie_a = clip("z", 6, 2), clip("b", 2, 3), clip("a", 2, 3)
    conflict = find_conflict(moving, 1, [moving, later, tie_b, tie_a])
    assert conflict is not None and conflict.other.id == "a"


def test_suggestion_slides_past_every_clip_in_the_way_in_one_pass():
    moving = clip("m", 50, 2)
    others = [clip("a", 0, 3), clip("b", 3.05, 2), clip("c", 6, 1)]
    conflict = find_conflict(moving, 1, [moving, *others])
    # 1 -> 3.1 (past a), which hits b [3.05, 5.05) -> 5.15, which hits c [6, 7)? 5.15 + 2 > 6 -> 7.1
    assert conflict is not None and conflict.suggested_position == 7.1


def test_suggestion_past_ten_thousand_seconds_is_none():
    moving, other = clip("m", 0, 5), clip("b", 9990, 10)
    conflict = find_conflict(moving, 9995, [moving, other])
    assert conflict is not None and conflict.suggested_position is None


def test_summary_counts_main_clips_and_finds_gaps_from_the_cursor():
    clips = [clip("a", 0, 4), clip("b", 2, 4), clip("c", 10, 2), clip("alt", 20, 5, parent="a")]
    summary = summarize(clips)
    assert (summary.total_clips, summary.total_duration, summary.timeline_end) == (3, 10.0, 12.0)
    gaps = [(g.start, g.end, g.duration, g.after.id, g.before.id) for g in summary.gaps]
    assert gaps == [(6.0, 10.0, 4.0, "b", "c")]


def test_summary_of_an_empty_scene_is_zero():
    summary = summarize([])
    assert (summary.total_clips, summary.total_duration, summary.timeline_end) == (0, 0.0, 0.0)
    assert summary.gaps == []


def test_analysis_lists_overlapping_pairs_of_different_families_and_long_gaps():
    a, b = clip("a", 0, 5, name="A"), clip("b", 3, 4, name="B")
    alt_a = clip("alt-a", 1, 5, name="A A1", parent="a")
    c = clip("c", 7.05, 1, name="C")  # a 0.05 s gap after b: too short to report
    d = clip("d", 12, 1, name="D")  # a 3.95 s gap after c
    analysis = analyze("s1", [d, c, alt_a, b, a])
    pairs = [(o.first.id, o.second.id, o.duration) for o in analysis.overlaps]
    assert pairs == [("a", "b", 2.0), ("alt-a", "b", 3.0)]
    assert analysis.overlaps[0].message == ("Clip would overlap with 'B' by 2.00 seconds. "
                                            "Other clip occupies 3.00s to 7.00s")
    gaps = [(g.after.id, g.before.id, g.start, g.end, g.duration) for g in analysis.gaps]
    assert gaps == [("c", "d", 8.05, 12.0, 3.95)]
    assert analysis.has_issues
    assert (analysis.total_clips, analysis.alternate_clips) == (4, 1)


def test_analysis_without_overlaps_has_no_issues():
    analysis = analyze("s1", [clip("a", 0, 5), clip("b", 5, 5)])
    assert analysis.overlaps == [] and not analysis.has_issues


def test_layout_stacks_main_scenes_and_gives_alternates_their_roots_start():
    s1, s2, s3 = scene("s1", 0, 1.0, duration=3), scene("s2", 0, 2.0), scene("s3", 1, 0.5, duration=10)
    alt = scene("alt", 0, 3.0, duration=1, parent="s2")
    clips = [clip("a", 2, 6, scene="s1"), clip("b", 0, 4, scene="s2"),
             clip("x", 0, 50, scene="s2", parent="b")]
    laid_out, total = lay_out([s1, s2, s3, alt], main_clip_ends(clips))
    assert laid_out["s1"].duration == 8.0  # the clip end beats the stored 3
    assert laid_out["s2"].duration == 4.0  # alternates do not stretch a scene
    assert (laid_out["s1"].timeline_start, laid_out["s2"].timeline_start, laid_out["s3"].timeline_start) == (
        0.0, 8.0, 12.0)
    assert laid_out["alt"].timeline_start == 8.0 and laid_out["alt"].duration == 1.0
    assert total == 22.0
