"""Subject access and erasure of pupils' data (UK GDPR), each recorded, for the operator only."""
