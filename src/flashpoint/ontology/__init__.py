"""flashpoint.ontology"""
