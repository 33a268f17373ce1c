"""The graph model, its stores and exports."""
