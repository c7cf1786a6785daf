"""Task briefs as pure logic: level schema and templates, completeness, rendering."""
