"""The report intake: questions, typed answers, summary, the case file, status and erasure."""
