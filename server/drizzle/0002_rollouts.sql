CREATE TABLE "module_outcomes" (
	"tenant_id" text NOT NULL,
	"module_id" text NOT NULL,
	"version" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"loaded" integer DEFAULT 0 NOT NULL,
	"load_failed" integer DEFAULT 0 NOT NULL,
	"render_crashed" integer DEFAULT 0 NOT NULL,
	"load_ms_total" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "module_outcomes_tenant_id_module_id_version_bucket_start_pk" PRIMARY KEY("tenant_id","module_id","version","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "rollout_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rollout_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"percentage" integer NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "rollouts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"module_id" text NOT NULL,
	"from_version" text,
	"to_version" text NOT NULL,
	"status" text NOT NULL,
	"steps" jsonb NOT NULL,
	"step_index" integer DEFAULT 0 NOT NULL,
	"percentage" integer NOT NULL,
	"interval_seconds" integer NOT NULL,
	"max_error_rate" double precision NOT NULL,
	"min_samples" integer NOT NULL,
	"group_id" text NOT NULL,
	"step_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"reason" text NOT NULL,
	"releases" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "installations" ALTER COLUMN "version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "installations" ADD COLUMN "candidate_version" text;--> statement-breakpoint
ALTER TABLE "installations" ADD COLUMN "percentage" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "installations" ADD COLUMN "group_id" text;--> statement-breakpoint
ALTER TABLE "rollout_events" ADD CONSTRAINT "rollout_events_rollout_id_rollouts_id_fk" FOREIGN KEY ("rollout_id") REFERENCES "public"."rollouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollouts" ADD CONSTRAINT "rollouts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rollout_events_rollout_idx" ON "rollout_events" USING btree ("rollout_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rollouts_one_active" ON "rollouts" USING btree ("tenant_id","module_id") WHERE "rollouts"."status" in ('running', 'paused');--> statement-breakpoint
CREATE INDEX "rollouts_status_idx" ON "rollouts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "snapshots_tenant_idx" ON "snapshots" USING btree ("tenant_id","id");--> statement-breakpoint
ALTER TABLE "installations" ADD CONSTRAINT "installations_candidate_fk" FOREIGN KEY ("module_id","candidate_version") REFERENCES "public"."releases"("module_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installations" ADD CONSTRAINT "installations_percentage_range" CHECK ("installations"."percentage" between 0 and 100);