package main

func generateModels(spec *Spec, enums []enumType, out string) error { return nil }
