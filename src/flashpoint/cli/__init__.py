"""flashpoint.cli"""
