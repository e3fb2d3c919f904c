"""flashpoint.engines"""
