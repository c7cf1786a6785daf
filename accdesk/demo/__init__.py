"""The demo agency: one seed gives the same people, clients, projects, requests and briefs,
in Russian or in English (`agency.create_demo`)."""
