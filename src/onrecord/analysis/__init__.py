"""Analysis over the stored corpus: queries, the timeline, sourcing and consistency."""
