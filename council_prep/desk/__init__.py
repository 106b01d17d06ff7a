"""The question desk's core: near-duplicate questions, topic suggestions and the public-session notice."""
