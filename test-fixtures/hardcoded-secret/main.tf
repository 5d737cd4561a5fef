# Vigil fixture: Terraform. Every value is fake.
resource "aws_db_instance" "reporting" {
  engine   = "postgres"
  # vigil-ok: hardcoded-secret
  username = "svc_reporting"
  # vigil-expect: hardcoded-secret
  password = "Zr4!vigil_fixture_T9qW"
}

resource "aws_db_instance" "replica" {
  # vigil-ok: hardcoded-secret
  password = var.db_password
  # vigil-ok: hardcoded-secret
  manage_master_user_password = true
}

variable "api_token" {
  type      = string
  sensitive = true
  # vigil-expect: hardcoded-secret
  default   = "c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3"
}

provider "github" {
  # vigil-ok: hardcoded-secret
  token = data.aws_secretsmanager_secret_version.github.secret_string
}

# Aligned by `terraform fmt`: the blanks before `=` follow the longest name in the block.
resource "aws_db_instance" "aligned" {
  identifier                      = "reporting"
  username                        = "reporting"
  # vigil-expect: hardcoded-secret
  password                        = "Vg9-aligned-Fixture-4tf"
  # vigil-ok: hardcoded-secret
  manage_master_user_password     = true
}
