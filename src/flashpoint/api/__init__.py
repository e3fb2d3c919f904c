"""flashpoint.api"""
