"""Mechanism shared by every Storyboard component; never business rules."""
