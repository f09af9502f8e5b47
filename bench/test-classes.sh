#!/usr/bin/env bash
# Sourced by the bench scripts that run a Java bench class from the test sources (from the project folder):
# compiles the test classes when a source changed since the last compile here, and sets bench_classpath.
compiled=target/bench-compiled.stamp
classpath=target/bench-classpath.txt
if [ ! -f "$compiled" ] || [ -n "$(find src config pom.xml -newer "$compiled" -print -quit)" ]; then
    ./mvnw -B -q -DskipTests -Djacoco.skip=true test-compile
    touch "$compiled"
fi
if [ ! -f "$classpath" ] || [ pom.xml -nt "$classpath" ]; then
    ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test
fi
bench_classpath="target/test-classes:target/classes:$(cat "$classpath")"
