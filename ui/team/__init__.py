"""The team lead's view: workload per manager, moving projects and the rebalance preview."""
