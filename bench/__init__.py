"""The benchmark harness (issue 7): dataset generator, browser measurements, runner."""
