"""flashpoint.analytics"""
