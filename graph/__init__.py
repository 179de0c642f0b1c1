"""The Kizuna graph: the model, the domain schema, the GraphStore protocol and its two stores,
the queries and analytics they answer, and the formats a graph is written in."""
