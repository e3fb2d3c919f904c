"""flashpoint.ingest"""
