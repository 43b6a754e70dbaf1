/* eslint-disable no-undef */
const fs = require("fs");
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LocalizedMetadataPlugin } = require("./scripts/localizedMetadata");
const { DeploymentError, ManifestPlugin, deploymentSettings } = require("./scripts/deployment");
const { version } = require("./package.json");

/** The address and Office.js source of this build (ADDIN_BASE_URL, OFFICE_JS); see scripts/deployment.js. */
function buildSettings() {
  try {
    return deploymentSettings(process.env, version);
  } catch (error) {
    if (!(error instanceof DeploymentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Every file under src/functions that declares custom functions feeds the metadata generator. */
const functionFiles = fs
  .readdirSync(path.join(__dirname, "src/functions"))
  .filter((name) => name.endsWith(".ts"))
  .map((name) => `./src/functions/${name}`)
  .filter((file) => /@customfunction\b/.test(fs.readFileSync(path.join(__dirname, file), "utf8")))
  .sort();

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const serving = process.argv.includes("serve");
  const settings = buildSettings();
  const officeJsCopy =
    settings.officeJs.kind === "local"
      ? [
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js"] },
          },
          { from: "node_modules/@microsoft/office-js/LICENSE.md", to: "office-js/LICENSE.md" },
        ]
      : [];
  return {
    devtool: "source-map",
    entry: {
      // Shared runtime: the taskpane page also hosts the custom functions.
      taskpane: ["./src/taskpane/index.tsx", ...functionFiles],
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: settings.hashed ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // `--env transpileOnly`: the test build (npm test type-checks the project with tsc first).
          use: { loader: "ts-loader", options: { transpileOnly: Boolean(env && env.transpileOnly), compilerOptions: { module: "es2020" } } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new LocalizedMetadataPlugin({
        source: "functions.json",
        locale: "zh-CN",
        tablesDir: path.join(__dirname, "src/functions/locale"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: settings.officeJs.src,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs: settings.officeJs.src,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*", to: "assets/[name][ext][query]" }, ...officeJsCopy],
      }),
      new ManifestPlugin({
        files: fs
          .readdirSync(__dirname)
          .filter((name) => /^manifest.*\.xml$/.test(name))
          .map((name) => path.join(__dirname, name)),
        settings,
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: {
            type: "https",
            options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
          },
          port: process.env.npm_package_config_dev_server_port || 3000,
        }
      : undefined,
  };
};
