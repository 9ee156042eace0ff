// A realistic `terraform plan -no-color` output (create, in-place update, replace, destroy, read,
// module addresses, outputs), shared by the parser's unit tests and the end-to-end approval flow.
export const TERRAFORM_PLAN_FIXTURE = `data.aws_ami.ubuntu: Reading...
aws_vpc.main: Refreshing state... [id=vpc-0a1b2c3d4e5f67890]
aws_security_group.web: Refreshing state... [id=sg-0123456789abcdef0]
aws_db_instance.main: Refreshing state... [id=baton-prod-db]
aws_s3_bucket.legacy_logs: Refreshing state... [id=baton-legacy-logs]
data.aws_ami.ubuntu: Read complete after 1s [id=ami-0c55b159cbfafe1f0]

Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  + create
  ~ update in-place
  - destroy
-/+ destroy and then create replacement
 <= read (data resources)

Terraform will perform the following actions:

  # data.aws_iam_policy_document.assume will be read during apply
  # (depends on a resource or a module with changes pending)
 <= data "aws_iam_policy_document" "assume" {
      + id   = (known after apply)
      + json = (known after apply)
    }

  # aws_db_instance.main must be replaced
-/+ resource "aws_db_instance" "main" {
      ~ arn                    = "arn:aws:rds:eu-west-1:123456789012:db:baton-prod-db" -> (known after apply)
      ~ engine_version         = "13.7" -> "14.3" # forces replacement
      ~ id                     = "baton-prod-db" -> (known after apply)
        identifier             = "baton-prod-db"
        instance_class         = "db.t3.medium"
        # (27 unchanged attributes hidden)
    }

  # aws_instance.web will be created
  + resource "aws_instance" "web" {
      + ami                          = "ami-0c55b159cbfafe1f0"
      + arn                          = (known after apply)
      + instance_type                = "t3.micro"
      + tags                         = {
          + "Name" = "baton-web"
        }

      + root_block_device {
          + volume_size = 20
          + volume_type = "gp3"
        }
    }

  # aws_s3_bucket.legacy_logs will be destroyed
  # (because aws_s3_bucket.legacy_logs is not in configuration)
  - resource "aws_s3_bucket" "legacy_logs" {
      - bucket        = "baton-legacy-logs" -> null
      - force_destroy = false -> null
      - id            = "baton-legacy-logs" -> null
    }

  # aws_security_group.web will be updated in-place
  ~ resource "aws_security_group" "web" {
        id                     = "sg-0123456789abcdef0"
      ~ ingress                = [
          + {
              + cidr_blocks      = ["10.0.0.0/16"]
              + from_port        = 443
              + protocol         = "tcp"
              + to_port          = 443
            },
        ]
        name                   = "baton-web"
        # (7 unchanged attributes hidden)
    }

  # module.network.aws_subnet.private["eu-west-1a"] will be created
  + resource "aws_subnet" "private" {
      + cidr_block = "10.0.1.0/24"
      + vpc_id     = "vpc-0a1b2c3d4e5f67890"
    }

Plan: 2 to add, 1 to change, 2 to destroy.

Changes to Outputs:
  ~ db_endpoint = "baton-prod-db.abc123.eu-west-1.rds.amazonaws.com:5432" -> (known after apply)
  + web_ip      = (known after apply)

─────────────────────────────────────────────────────────────────────────────

Saved the plan to: plan.out

To perform exactly these actions, run the following command to apply:
    terraform apply "plan.out"
`;
