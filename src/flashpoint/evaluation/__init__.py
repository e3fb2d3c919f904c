"""flashpoint.evaluation"""
