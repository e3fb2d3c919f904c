"""flashpoint.stories"""
