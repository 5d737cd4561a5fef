provider "aws" {
  region     = "eu-west-1"
  # vigil-expect: tf-provider-credentials
  access_key = "AKIAZQ3DX7EXAMPLE9TF"
  # vigil-expect: tf-provider-credentials
  secret_key = "Wq9/zL2mXb7Kp4Rt8Vn3Cd6Fh1Js5Ga0Ye2Uo7Qi"
}

provider "aws" {
  alias      = "ci"
  region     = "eu-west-1"
  # vigil-ok: tf-provider-credentials
  access_key = var.aws_access_key
  # vigil-ok: tf-provider-credentials
  secret_key = var.aws_secret_key
}

provider "github" {
  # vigil-ok: tf-provider-credentials
  owner = "acme-platform-team"
  # vigil-ok: tf-provider-credentials
  token = ""
}
