"""flashpoint.coding"""
