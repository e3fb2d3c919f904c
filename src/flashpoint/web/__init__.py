"""flashpoint.web"""
