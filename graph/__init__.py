"""The Kizuna graph: the model, the domain schema, the GraphStore protocol and its stores."""
