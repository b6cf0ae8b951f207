from django.apps import AppConfig


class AlignmentConfig(AppConfig):
    name = "statements.alignment"
    label = "alignment"
    verbose_name = "Alignment and positions"
