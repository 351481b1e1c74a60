"""Project export (REST contract 3.8): a frame-exact plan of the timeline, written as FCPXML, CMX 3600 EDL,
FCP7 XML through OpenTimelineIO and its adapters, or as the Storyboard JSON document."""
