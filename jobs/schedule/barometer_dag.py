"""Airflow DAG: run one barometer wave on the cluster, then the trends across waves.

Both tasks submit target/barometer-spark-submit.jar with spark-submit (SparkSubmitOperator, connection
`spark_barometer` pointing at the master: spark://host:7077, yarn or k8s://...). The wave is a DAG parameter that
defaults to the year of the run; the environment profile `cluster` (conf/environments/cluster.yaml) gives the
input and warehouse URIs. A failed wave run (non-zero exit: 4 bad input, 5 weighting, 6 write) stops the DAG
before the trends.
"""
import os

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

BAROMETER_HOME = "/opt/barometer"
JAR = f"{BAROMETER_HOME}/target/barometer-spark-submit.jar"
CONF = f"{BAROMETER_HOME}/conf"



def executor_java_options():
    """The JVM flags of jobs/spark-jvm.args for the executors (Spark adds its own module flags where absent)."""
    path = f"{BAROMETER_HOME}/jobs/spark-jvm.args"
    if not os.path.exists(path):
        return ""
    with open(path) as flags:
        return " ".join(line.strip() for line in flags if line.strip())


EXECUTOR_JAVA_OPTIONS = executor_java_options()

SPARK_CONF = {
    "spark.executor.extraJavaOptions": EXECUTOR_JAVA_OPTIONS,
    "spark.submit.deployMode": "client",
}

with DAG(
    dag_id="barometer_wave",
    description="Weight and estimate one barometer wave, then the trends",
    schedule="30 2 15 3 *",
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,  # runs of one warehouse must not overlap (docs/operations.md, runs table)
    params={"wave": None},
    tags=["barometer"],
) as dag:
    run_wave = SparkSubmitOperator(
        task_id="run_wave",
        conn_id="spark_barometer",
        application=JAR,
        java_class="dk.barometer.cli.Main",
        application_args=[
            "run",
            "--wave", "{{ params.wave or data_interval_end.year }}",
            "--env", "cluster",
            "--conf", CONF,
        ],
        conf=SPARK_CONF,
        name="barometer-run-{{ params.wave or data_interval_end.year }}",
    )

    trends = SparkSubmitOperator(
        task_id="trends",
        conn_id="spark_barometer",
        application=JAR,
        java_class="dk.barometer.cli.Main",
        application_args=["trends", "--env", "cluster", "--conf", CONF],
        conf=SPARK_CONF,
        name="barometer-trends",
    )

    run_wave >> trends
